#pragma once

#include "lajna-admin-page.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_COMMITTEES_PAGE (lajna_committees_page_get_type ())

G_DECLARE_FINAL_TYPE (LajnaCommitteesPage, lajna_committees_page, LAJNA, COMMITTEES_PAGE,
                      LajnaAdminPage)

AdwPreferencesPage *lajna_committees_page_new (LajnaDbWorker *worker);

G_END_DECLS
