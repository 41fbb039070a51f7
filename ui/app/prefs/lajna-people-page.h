#pragma once

#include "lajna-admin-page.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_PEOPLE_PAGE (lajna_people_page_get_type ())

G_DECLARE_FINAL_TYPE (LajnaPeoplePage, lajna_people_page, LAJNA, PEOPLE_PAGE, LajnaAdminPage)

AdwPreferencesPage *lajna_people_page_new (LajnaDbWorker *worker);

G_END_DECLS
