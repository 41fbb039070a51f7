#pragma once

#include "lajna-db-worker.h"

G_BEGIN_DECLS

/* Who signs a ruling, in the order of the signature blocks. */
typedef struct
{
  char *capacity;
  char *full_name;
} LajnaSignatory;

/* What a ruling prints, its template filled in: every value but Arabic
 * words isolated, so that a date, a number or a Latin name keeps its own
 * order in the Arabic sentence around it. @number is 0 for a decision
 * whose ruling is not issued yet (a draft). A sealed ruling (@seal set,
 * the code its QR code prints) holds the text it was sealed with, and
 * @pdf_seal seals its PDF as issued (lajna-seal.c); @outdated says that the decision was
 * corrected since, so that the ruling needs a corrected version. A
 * version after the first gives its @correction_reason. @is_signed says
 * that its digitally signed PDF is on record. @text_hidden says that the
 * person reads the ruling's number, day and version, not its text (with
 * the parties' numbers and children's names: members, rapporteurs and
 * administrators): @title is then the outcome's name, and there is
 * nothing else to print. */
typedef struct
{
  gint64      decision_id;
  gint64      ruling_id;
  int         committee_id;
  int         number;
  int         year;
  int         version;
  gboolean    outdated;
  char       *correction_reason;
  gboolean    is_signed;
  gboolean    text_hidden;
  char       *seal;
  char       *pdf_seal;
  char       *issued_on;
  char       *state_name;
  char       *ministry_name;
  char       *committee_name;
  char       *letterhead;
  GBytes     *logo;
  gboolean    hijri;
  char       *title;
  char       *preamble;
  GStrv       articles;
  GPtrArray  *signatories;
} LajnaRulingContent;

LajnaRulingContent *lajna_ruling_content_load   (LajnaDb            *db,
                                                 gint64              case_id,
                                                 GError            **error);
void                lajna_ruling_content_load_async  (LajnaDbWorker        *worker,
                                                      gint64                case_id,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
LajnaRulingContent *lajna_ruling_content_load_finish (LajnaDbWorker        *worker,
                                                      GAsyncResult         *result,
                                                      GError              **error);
char               *lajna_ruling_fill           (const char         *text,
                                                 GHashTable         *values);
gboolean            lajna_ruling_article_is_empty (const char       *article);
/* The version of the layout a sealed ruling was printed with. */
#define LAJNA_RULING_LAYOUT 2

/* The most articles a ruling has (and a name is known for). */
#define LAJNA_RULING_MAX_ARTICLES 20

const char         *lajna_ruling_article_name   (guint               index);
LajnaRulingContent *lajna_ruling_content_copy   (const LajnaRulingContent *content);
char               *lajna_ruling_content_freeze (const LajnaRulingContent *content);
char               *lajna_ruling_content_letterhead (const LajnaRulingContent *content);
void                lajna_ruling_content_free   (LajnaRulingContent *content);
void                lajna_ruling_signatory_free (gpointer            signatory);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaRulingContent, lajna_ruling_content_free)

G_END_DECLS
