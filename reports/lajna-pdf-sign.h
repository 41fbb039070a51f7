#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LAJNA_SIGN_ERROR (lajna_sign_error_quark ())

/**
 * LajnaSignError:
 * @LAJNA_SIGN_ERROR_KEY: the signatory's key file cannot be read or opened
 * @LAJNA_SIGN_ERROR_PDF: the PDF is not one Lajna can sign
 * @LAJNA_SIGN_ERROR_FAILED: OpenSSL could not sign
 * @LAJNA_SIGN_ERROR_TIMESTAMP: the time-stamping authority gave no
 *   time-stamp
 */
typedef enum
{
  LAJNA_SIGN_ERROR_KEY,
  LAJNA_SIGN_ERROR_PDF,
  LAJNA_SIGN_ERROR_FAILED,
  LAJNA_SIGN_ERROR_TIMESTAMP,
} LajnaSignError;

GQuark  lajna_sign_error_quark (void);
GBytes *lajna_pdf_sign         (GBytes      *pdf,
                                const char  *p12_path,
                                const char  *password,
                                const char  *signer_name,
                                const char  *tsa_url,
                                char       **subject,
                                GError     **error);
gboolean lajna_pdf_sign_check_key (const char  *p12_path,
                                   const char  *password,
                                   GError     **error);
void     lajna_pdf_sign_check_key_async  (const char           *p12_path,
                                         const char           *password,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean lajna_pdf_sign_check_key_finish (GAsyncResult         *result,
                                         GError              **error);
gboolean lajna_pdf_signature_check (GBytes  *pdf,
                                    GError **error);
gboolean lajna_pdf_signature_check_after (GBytes  *pdf,
                                          gsize    offset,
                                          gsize   *covered,
                                          char   **subject,
                                          GError **error);

G_END_DECLS
