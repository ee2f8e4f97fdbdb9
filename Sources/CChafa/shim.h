#ifndef CCHAFA_SHIM_H
#define CCHAFA_SHIM_H
#include <chafa.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

/* g_object_unref takes a gpointer; a typed wrapper keeps Swift call sites free of casts. */
static inline void cchafa_loader_unref(GdkPixbufLoader *loader) { g_object_unref(loader); }

/* The text of a GString, freeing the GString (the returned copy is owned by the caller: g_free). */
static inline char *cchafa_gstring_steal(GString *string) { return g_string_free(string, FALSE); }

static inline void cchafa_free(void *pointer) { g_free(pointer); }
static inline void cchafa_error_free(GError *error) { if (error) g_error_free(error); }
#endif
