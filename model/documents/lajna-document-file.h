#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LAJNA_DOCUMENT_ERROR (lajna_document_error_quark ())

/**
 * LajnaDocumentError:
 * @LAJNA_DOCUMENT_ERROR_EMPTY: the file has no bytes
 * @LAJNA_DOCUMENT_ERROR_TOO_LARGE: the file is over the size limit
 * @LAJNA_DOCUMENT_ERROR_UNKNOWN: the bytes are not a PDF, JPEG, PNG or TIFF
 * @LAJNA_DOCUMENT_ERROR_DAMAGED: the file is cut short or corrupt
 * @LAJNA_DOCUMENT_ERROR_ENCRYPTED: the PDF is protected by a password
 * @LAJNA_DOCUMENT_ERROR_TOO_MANY_PAGES: over the page limit
 * @LAJNA_DOCUMENT_ERROR_TOO_MANY_PIXELS: an image too large to open
 * @LAJNA_DOCUMENT_ERROR_TOO_COSTLY: reading it takes more memory or time than
 *   a document may
 *
 * Why a file cannot be attached.
 */
typedef enum
{
  LAJNA_DOCUMENT_ERROR_EMPTY,
  LAJNA_DOCUMENT_ERROR_TOO_LARGE,
  LAJNA_DOCUMENT_ERROR_UNKNOWN,
  LAJNA_DOCUMENT_ERROR_DAMAGED,
  LAJNA_DOCUMENT_ERROR_ENCRYPTED,
  LAJNA_DOCUMENT_ERROR_TOO_MANY_PAGES,
  LAJNA_DOCUMENT_ERROR_TOO_MANY_PIXELS,
  LAJNA_DOCUMENT_ERROR_TOO_COSTLY,
} LajnaDocumentError;

/* The limits: a file, its pages, and an image's side and area. */
#define LAJNA_DOCUMENT_MAX_BYTES (400 * 1024 * 1024)
#define LAJNA_DOCUMENT_MAX_PAGES 1000
#define LAJNA_DOCUMENT_MAX_SIDE 20000
#define LAJNA_DOCUMENT_MAX_PIXELS (120 * 1000 * 1000)

/* The resolution of the previews stored with each page, in dots per inch. */
#define LAJNA_DOCUMENT_PREVIEW_DPI 30.0

/* A file read, checked and made ready to store. */
typedef struct
{
  const char *mime_type;
  guint       pages;
  GBytes     *original;
  GBytes     *pdf;
  GPtrArray  *previews;
  guint8      sha256[32];
} LajnaDocumentFile;

/* What a reader tells as it goes: the number of pages, then each page's
 * preview as it is made (from several threads at once). */
typedef struct
{
  void     (*pages_known)  (guint pages, gpointer data);
  void     (*preview_made) (guint index, GBytes *png, gpointer data);
  gpointer   data;
} LajnaDocumentReadHooks;

GQuark             lajna_document_error_quark  (void);
LajnaDocumentFile *lajna_document_file_new     (void);
LajnaDocumentFile *lajna_document_file_read_here (GBytes                       *bytes,
                                                  const LajnaDocumentReadHooks *hooks,
                                                  GError                      **error);
void               lajna_document_file_set_sha256 (LajnaDocumentFile *file);
LajnaDocumentFile *lajna_document_file_from_pages (GPtrArray      *pages,
                                                   GError        **error);
void               lajna_document_file_free    (LajnaDocumentFile  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaDocumentFile, lajna_document_file_free)

G_END_DECLS
