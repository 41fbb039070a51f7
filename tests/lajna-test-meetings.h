#pragma once

#include <check.h>

#include "lajna-db.h"

G_BEGIN_DECLS

/* What the meeting suites share (test programs only, hence the short
 * names): two committees of five members (the chair first, the
 * rapporteur among them) and a clerk each, codes "mtm" (marriage) and
 * "mtj" (juvenile); complete files; meetings sitting with their quorum;
 * queries and checks. */

#define ID "%" G_GINT64_FORMAT

void    setup_committees (void);
gint64  query_int        (LajnaDb *db, const char *sql, const char *arg);
gint64  query_for        (LajnaDb *db, const char *sql, gint64 id);
char   *query_text       (LajnaDb *db, const char *sql, gint64 id);
int     user_id          (LajnaDb *db, const char *login);
int     committee        (LajnaDb *db, const char *code);
gint64  complete_file    (LajnaDb *db, const char *kind);
void    expect_ok        (gboolean ok, GError *error);
void    expect_refused   (gboolean ok, GError **error, const char *words);
gint64  new_meeting      (LajnaDb *db, const char *code, const char *day);
void    mark_present     (LajnaDb *db, gint64 meeting, const char *code,
                          const char * const *logins);
int     member           (LajnaDb *db, const char *code, const char *login);
gint64  sitting_with_item (LajnaDb *db, const char *code, const char *kind,
                           const char *day, gint64 *item);
gint64  decided_file     (LajnaDb *db, const char *kind, const char *outcome);

G_END_DECLS
