#pragma once

#include <gio/gio.h>

#include "lajna-sheet-row.h"

G_BEGIN_DECLS

#define LAJNA_XLSX_ERROR (lajna_xlsx_error_quark ())

/**
 * LajnaXlsxError:
 * @LAJNA_XLSX_ERROR_DAMAGED: the file starts as a workbook but is
 *   incomplete, or its ZIP or XML is broken
 * @LAJNA_XLSX_ERROR_NOT_WORKBOOK: the file is a ZIP, but no Excel workbook
 *   with a worksheet
 * @LAJNA_XLSX_ERROR_TOO_LARGE: the workbook unpacks to more than an import
 *   takes
 * @LAJNA_XLSX_ERROR_PROTECTED: the workbook is protected by a password
 * @LAJNA_XLSX_ERROR_OLD_FORMAT: the file is an Excel 97–2003 workbook
 *   (.xls)
 *
 * Why a workbook cannot be read.
 */
typedef enum
{
  LAJNA_XLSX_ERROR_DAMAGED,
  LAJNA_XLSX_ERROR_NOT_WORKBOOK,
  LAJNA_XLSX_ERROR_TOO_LARGE,
  LAJNA_XLSX_ERROR_PROTECTED,
  LAJNA_XLSX_ERROR_OLD_FORMAT,
} LajnaXlsxError;

typedef struct _LajnaXlsxReader LajnaXlsxReader;

GQuark               lajna_xlsx_error_quark          (void);
gboolean             lajna_xlsx_reader_is_excel_file (const char       *data,
                                                      gsize             len);
LajnaXlsxReader     *lajna_xlsx_reader_new           (const char       *data,
                                                      gsize             len,
                                                      GCancellable     *cancellable,
                                                      GError          **error);
void                 lajna_xlsx_reader_free          (LajnaXlsxReader  *self);
gboolean             lajna_xlsx_reader_next          (LajnaXlsxReader  *self,
                                                      GError          **error);
const LajnaSheetRow *lajna_xlsx_reader_get_row       (LajnaXlsxReader  *self);
double               lajna_xlsx_reader_get_fraction  (LajnaXlsxReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LajnaXlsxReader, lajna_xlsx_reader_free)

G_END_DECLS
