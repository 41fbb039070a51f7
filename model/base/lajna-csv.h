#pragma once

#include "lajna-sheet-row.h"

G_BEGIN_DECLS

/**
 * LajnaCsvReader:
 * @row: the record last read, numbered from 1
 *
 * Reads a CSV text (RFC 4180) one record at a time, on the stack of its
 * caller: lajna_csv_reader_init(), lajna_csv_reader_next() until it returns
 * %FALSE, lajna_csv_reader_clear(). The other fields are private.
 */
typedef struct
{
  LajnaSheetRow  row;

  /*< private >*/
  const char    *start;
  const char    *p;
  const char    *end;
  char           separator;
} LajnaCsvReader;

void     lajna_csv_reader_init         (LajnaCsvReader       *self,
                                        const char           *data,
                                        gsize                 len);
void     lajna_csv_reader_clear        (LajnaCsvReader       *self);
gboolean lajna_csv_reader_next         (LajnaCsvReader       *self);
double   lajna_csv_reader_get_fraction (const LajnaCsvReader *self);

G_END_DECLS
