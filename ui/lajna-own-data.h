/* lajna-own-data.h: the translations and settings schema an executable
 * finds, run from the build tree or installed. */

#pragma once

const char *lajna_own_data_find (const char *build_folder);
