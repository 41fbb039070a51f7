#pragma once

#include <adwaita.h>

#include "lajna-db-worker.h"

G_BEGIN_DECLS

#define LAJNA_TYPE_PEOPLE_PAGE (lajna_people_page_get_type ())

G_DECLARE_FINAL_TYPE (LajnaPeoplePage, lajna_people_page, LAJNA, PEOPLE_PAGE, AdwPreferencesPage)

AdwPreferencesPage *lajna_people_page_new (LajnaDbWorker *worker);

G_END_DECLS
