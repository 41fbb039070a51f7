/* lajna-account.c: the computer account's own password, checked through
 * PAM (service "lajna": the system's default rules unless an
 * administrator writes /etc/pam.d/lajna), as a screen lock checks it. The
 * embedded database belongs to the account, so its password is what
 * unlocks Lajna there. LAJNA_PAM_CONFDIR names another folder of PAM
 * rules (the tests' own). A check blocks, for a second or two when the
 * password is wrong: call it on a thread. */

#include "lajna-account.h"

#include <glib/gi18n-lib.h>
#include <security/pam_appl.h>
#include <string.h>

G_DEFINE_QUARK (lajna-account-error-quark, lajna_account_error)

#define SERVICE "lajna"

/* PAM asks; the password answers what it asks without echo. */
static int
converse (int                        n_messages,
          const struct pam_message **messages,
          struct pam_response      **responses,
          void                      *user_data)
{
  const char *password = user_data;
  struct pam_response *answers = calloc (n_messages, sizeof *answers);

  if (answers == NULL)
    return PAM_BUF_ERR;
  for (int i = 0; i < n_messages; i++)
    if (messages[i]->msg_style == PAM_PROMPT_ECHO_OFF)
      answers[i].resp = strdup (password);
  *responses = answers;
  return PAM_SUCCESS;
}

/**
 * lajna_account_describe:
 *
 * Returns: (transfer full): the account's name, as the person knows it
 */
char *
lajna_account_describe (void)
{
  const char *real = g_get_real_name ();

  return g_strdup (real != NULL && *real != '\0' && strcmp (real, "Unknown") != 0
                     ? real : g_get_user_name ());
}

/**
 * lajna_account_check_password:
 * @password: what the person typed
 * @error: return location for a #GError
 *
 * Returns: whether @password is the computer account's password
 */
gboolean
lajna_account_check_password (const char  *password,
                              GError     **error)
{
  struct pam_conv conversation = { converse, (void *) password };
  const char *confdir = g_getenv ("LAJNA_PAM_CONFDIR");
  pam_handle_t *pam = NULL;
  int status = pam_start_confdir (SERVICE, g_get_user_name (), &conversation,
                                  confdir != NULL && *confdir != '\0' ? confdir : NULL, &pam);

  if (status == PAM_SUCCESS)
    status = pam_authenticate (pam, PAM_DISALLOW_NULL_AUTHTOK);
  if (status == PAM_SUCCESS)
    status = pam_acct_mgmt (pam, PAM_DISALLOW_NULL_AUTHTOK);
  if (pam != NULL)
    pam_end (pam, status);
  switch (status)
    {
    case PAM_SUCCESS:
      return TRUE;
    case PAM_AUTH_ERR:
    case PAM_MAXTRIES:
      g_set_error_literal (error, LAJNA_ACCOUNT_ERROR, LAJNA_ACCOUNT_ERROR_REFUSED,
                           _("This is not the account’s password. Try again."));
      return FALSE;
    default:
      g_set_error (error, LAJNA_ACCOUNT_ERROR, LAJNA_ACCOUNT_ERROR_UNAVAILABLE,
                   _("The computer cannot check the account’s password (%s); ask its "
                     "administrator."), pam_strerror (NULL, status));
      return FALSE;
    }
}
