/* lajna-xlsx-relationships.c: which parts a part of a workbook points to.
 *
 * A part's relationships (ECMA-376 part 2) are in the part "_rels/NAME.rels"
 * beside it, the package's own in "_rels/.rels": each has an id, a type
 * and a target, a part's name relative to the folder of the part that
 * points to it.
 */

#include "lajna-xlsx-relationships.h"

#include <string.h>

#include "lajna-xlsx-part.h"

typedef struct
{
  char *id;
  char *type;
  char *target;
} Relationship;

struct _LajnaXlsxRelationships
{
  GPtrArray *list;
};

static void
relationship_free (Relationship *relationship)
{
  g_free (relationship->id);
  g_free (relationship->type);
  g_free (relationship->target);
  g_free (relationship);
}

/* The part a relationship of @source points to: relative to the folder of
 * @source, or to the package's root when it starts with a slash. */
static char *
resolve_target (const char *source,
                const char *target)
{
  const char *slash = strrchr (source, '/');
  g_autofree char *dir = slash != NULL ? g_strndup (source, (gsize) (slash - source)) : NULL;
  g_autofree char *path = target[0] == '/' ? g_strdup (target + 1)
                        : dir != NULL ? g_strconcat (dir, "/", target, NULL)
                        : g_strdup (target);
  g_auto(GStrv) segments = g_strsplit (path, "/", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (strcmp (segments[i], "..") == 0 && kept->len > 0)
        g_ptr_array_remove_index (kept, kept->len - 1);
      else if (*segments[i] != '\0' && strcmp (segments[i], ".") != 0
               && strcmp (segments[i], "..") != 0)
        g_ptr_array_add (kept, segments[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  LajnaXlsxRelationships *self = user_data;
  const char *id = lajna_xlsx_find_attribute ("Id", names, values);
  const char *type = lajna_xlsx_find_attribute ("Type", names, values);
  const char *target = lajna_xlsx_find_attribute ("Target", names, values);
  const char *mode = lajna_xlsx_find_attribute ("TargetMode", names, values);
  Relationship *relationship;

  if (strcmp (lajna_xlsx_local_name (element_name), "Relationship") != 0 || id == NULL
      || type == NULL || target == NULL || g_strcmp0 (mode, "External") == 0)
    return;
  relationship = g_new0 (Relationship, 1);
  relationship->id = g_strdup (id);
  relationship->type = g_strdup (type);
  relationship->target = g_strdup (target);
  g_ptr_array_add (self->list, relationship);
}

static const GMarkupParser parser = {
  .start_element = start_element_cb,
};

/**
 * lajna_xlsx_relationships_read:
 * @zip: a workbook
 * @source: the name of a part, or "" for the package
 * @budget: what the workbook's parts may still unpack to
 * @cancellable: (nullable): stops the reading
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the relationships of @source, each
 *   target resolved to a part's name
 */
LajnaXlsxRelationships *
lajna_xlsx_relationships_read (zip_t         *zip,
                               const char    *source,
                               gsize         *budget,
                               GCancellable  *cancellable,
                               GError       **error)
{
  const char *slash = strrchr (source, '/');
  g_autofree char *dir = slash != NULL ? g_strndup (source, (gsize) (slash - source + 1))
                                       : g_strdup ("");
  g_autofree char *name = g_strconcat (dir, "_rels/", slash != NULL ? slash + 1 : source,
                                       ".rels", NULL);
  g_autoptr(LajnaXlsxRelationships) self = g_new0 (LajnaXlsxRelationships, 1);
  g_autoptr(LajnaXlsxPart) part = NULL;

  self->list = g_ptr_array_new_with_free_func ((GDestroyNotify) relationship_free);
  part = lajna_xlsx_part_open (zip, name, budget, &parser, self, cancellable, error);
  if (part == NULL || !lajna_xlsx_part_read_all (part, error))
    return NULL;
  for (guint i = 0; i < self->list->len; i++)
    {
      Relationship *relationship = g_ptr_array_index (self->list, i);
      char *target = resolve_target (source, relationship->target);

      g_free (relationship->target);
      relationship->target = target;
    }
  return g_steal_pointer (&self);
}

void
lajna_xlsx_relationships_free (LajnaXlsxRelationships *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->list, g_ptr_array_unref);
  g_free (self);
}

/**
 * lajna_xlsx_relationships_find:
 * @self: relationships
 * @type: the end of a relationship type, such as "/worksheet": the same
 *   in transitional and strict workbooks
 * @id: (nullable): the relationship's id, or %NULL for the first of @type
 *
 * Returns: (transfer none) (nullable): the name of the part it points to
 */
const char *
lajna_xlsx_relationships_find (LajnaXlsxRelationships *self,
                               const char             *type,
                               const char             *id)
{
  for (guint i = 0; i < self->list->len; i++)
    {
      Relationship *relationship = g_ptr_array_index (self->list, i);

      if (g_str_has_suffix (relationship->type, type)
          && (id == NULL || strcmp (relationship->id, id) == 0))
        return relationship->target;
    }
  return NULL;
}
