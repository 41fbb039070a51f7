#pragma once

#include <glib.h>

#include "lajna-database.h"
#include "lajna-json.h"
#include "lajna-ruling-register.h"

G_BEGIN_DECLS

/* Exit codes of the contract in DESIGN.md. */
#define LAJNACTL_EXIT_OK 0
#define LAJNACTL_EXIT_FAILED 1
#define LAJNACTL_EXIT_USAGE 2

typedef struct
{
  LajnaDatabase *database;
  LajnaDb       *db;
} LajnactlContext;

typedef int (*LajnactlCommand) (LajnactlContext *ctx, int argc, char **argv);

int  lajnactl_usage_error  (GOptionContext *options, const char *message);
int  lajnactl_fail         (const GError *error);
gboolean lajnactl_parse    (GOptionContext *options, int *argc, char ***argv, int *status);
gboolean lajnactl_connect  (LajnactlContext *ctx, gboolean migrate, int *status);
char *lajnactl_dup_conninfo (void);
gboolean lajnactl_begin_output (LajnactlContext *ctx, const char *usage, int argc, char **argv,
                                gint64 *id, char **output, int *status);
char *lajnactl_read_secret (const char *prompt);
void lajnactl_json_ruling  (LajnaJson *json, const LajnaRulingEntry *entry);

int  lajnactl_db           (LajnactlContext *ctx, int argc, char **argv);
int  lajnactl_demo         (LajnactlContext *ctx, int argc, char **argv);
int  lajnactl_case         (LajnactlContext *ctx, int argc, char **argv);
int  lajnactl_case_import  (LajnactlContext *ctx, int argc, char **argv);
int  lajnactl_case_export  (LajnactlContext *ctx, int argc, char **argv);
int  lajnactl_audit         (LajnactlContext *ctx, int argc, char **argv);
int  lajnactl_backup        (LajnactlContext *ctx, int argc, char **argv);
int  lajnactl_restore       (LajnactlContext *ctx, int argc, char **argv);
int  lajnactl_user          (LajnactlContext *ctx, int argc, char **argv);
int  lajnactl_login         (LajnactlContext *ctx, int argc, char **argv);
int  lajnactl_doc           (LajnactlContext *ctx, int argc, char **argv);
int  lajnactl_scan          (LajnactlContext *ctx, int argc, char **argv);
int  lajnactl_logout        (LajnactlContext *ctx, int argc, char **argv);
int  lajnactl_meeting       (LajnactlContext *ctx, int argc, char **argv);
int  lajnactl_minutes       (LajnactlContext *ctx, int argc, char **argv);
int  lajnactl_ruling        (LajnactlContext *ctx, int argc, char **argv);
int  lajnactl_stats         (LajnactlContext *ctx, int argc, char **argv);
int  lajnactl_report        (LajnactlContext *ctx, int argc, char **argv);

G_END_DECLS
