#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * LajnaFieldType:
 * @LAJNA_FIELD_TEXT: free text, cleaned (NFC, no bidi controls)
 * @LAJNA_FIELD_NUMBER: a national or passport number: digits folded to
 *   0–9, Latin letters to capitals, spaces and hyphens dropped
 * @LAJNA_FIELD_CODE: one code of a fixed list (sex, direction…)
 * @LAJNA_FIELD_COUNTRY: an ISO 3166-1 alpha-2 country code
 * @LAJNA_FIELD_DATE: a day, written 2026-11-23
 * @LAJNA_FIELD_INT: a whole number
 * @LAJNA_FIELD_LIST: codes separated by commas
 *
 * How a field's text is cleaned, checked and handed to the database.
 */
typedef enum
{
  LAJNA_FIELD_TEXT,
  LAJNA_FIELD_NUMBER,
  LAJNA_FIELD_CODE,
  LAJNA_FIELD_COUNTRY,
  LAJNA_FIELD_DATE,
  LAJNA_FIELD_INT,
  LAJNA_FIELD_LIST,
} LajnaFieldType;

/* One editable field of a file. The key is the column name, prefixed with
 * the party's role for a person's field ("libyan_party.national_number"):
 * the same key names the form's row, the spreadsheet's column and the
 * validation message. */
typedef struct
{
  const char     *key;
  const char     *label;
  LajnaFieldType  type;
} LajnaCaseField;

const LajnaCaseField *lajna_case_fields         (const char *kind,
                                                 guint      *n_fields);
const LajnaCaseField *lajna_case_field_lookup   (const char *kind,
                                                 const char *key);
const char * const   *lajna_case_parties_of     (const char *kind);
char                 *lajna_case_field_clean    (const LajnaCaseField *field,
                                                 const char           *input);
gboolean              lajna_parse_date          (const char *text,
                                                 GDate      *date);
char                 *lajna_date_text           (const GDate *date);

G_END_DECLS
