#ifndef CCHAFA_SHIM_H
#define CCHAFA_SHIM_H
/*
 * libchafa and gdk-pixbuf, loaded on demand with dlopen (architecture.md, "C targets").
 *
 * Drawing a CAPTCHA image is rare, and linking these libraries would load chafa, gdk-pixbuf, glib, gobject,
 * gio, libmount, libjpeg … into every run of the tool. So nothing here is linked: this header includes none of
 * <chafa.h>, <glib.h> or <gdk-pixbuf/…> (their include paths come from pkg-config, which adds -l flags too) and
 * declares just what Sources/TerminalImage uses, under our own names:
 *
 * - the objects as incomplete structs with the libraries' own struct tags (`struct ChafaCanvas`, `struct
 *   _GdkPixbuf` …), so that a translation unit including the real headers too sees the very same types;
 * - the enum constants, with the values of the installed headers (chafa-canvas-config.h and others);
 * - `XOGError`, a mirror of GError's public fields;
 * - one function-pointer type per function, the real prototype with the GLib typedefs spelled as plain C
 *   types (gboolean = int, gint = int, guint = unsigned int, gsize = size_t, gchar = char, guchar = guint8 =
 *   unsigned char, gfloat = float, gpointer = void *, a chafa enum = the integer type the compiler gives it);
 * - `XOChafaAPI`, a table of those pointers whose fields are named exactly like the functions, and
 *   `xo_chafa_api`, which dlopens the libraries and fills it.
 *
 * Tests/TerminalImageTests/ShimHeaderTests.swift compiles a C file that includes the real headers and this one
 * and checks, with _Static_assert, every constant and every field's type against the real declarations.
 */
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>

/* The table's fields are _Nonnull (plain function values in Swift, no unwrapping); the other pointers keep
 * clang's default, which the completeness warning would flag once a header uses nullability at all. */
#if defined(__clang__)
#define XO_CHAFA_NONNULL _Nonnull
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wnullability-completeness"
#else
#define XO_CHAFA_NONNULL
#endif

/* MARK: - Objects (incomplete: only ever handled through pointers) */

struct ChafaCanvas;
struct ChafaCanvasConfig;
struct ChafaSymbolMap;
struct ChafaTermDb;
struct ChafaTermInfo;
struct _GdkPixbuf;
struct _GdkPixbufLoader;
struct _GString;
struct _GError;

/// GError's public fields ({GQuark domain; gint code; gchar *message;}), to read the message of a
/// `struct _GError *`.
typedef struct XOGError {
    uint32_t domain;
    int code;
    char *message;
} XOGError;

/* MARK: - Enum constants (values from chafa-canvas-config.h, chafa-common.h, chafa-symbol-map.h) */

/// ChafaCanvasMode (the constants used).
typedef enum XOChafaCanvasMode {
    XO_CHAFA_CANVAS_MODE_TRUECOLOR = 0,
    XO_CHAFA_CANVAS_MODE_INDEXED_256 = 1,
    XO_CHAFA_CANVAS_MODE_INDEXED_16 = 3,
    XO_CHAFA_CANVAS_MODE_FGBG = 5,
} XOChafaCanvasMode;

/// ChafaPixelMode.
typedef enum XOChafaPixelMode {
    XO_CHAFA_PIXEL_MODE_SYMBOLS = 0,
    XO_CHAFA_PIXEL_MODE_SIXELS = 1,
    XO_CHAFA_PIXEL_MODE_KITTY = 2,
    XO_CHAFA_PIXEL_MODE_ITERM2 = 3,
} XOChafaPixelMode;

/// ChafaPixelType (the constants used).
typedef enum XOChafaPixelType {
    XO_CHAFA_PIXEL_RGBA8_UNASSOCIATED = 4,
    XO_CHAFA_PIXEL_RGB8 = 8,
} XOChafaPixelType;

/// ChafaSymbolTags (the constants used). The real enum has a negative member (CHAFA_SYMBOL_TAG_ALL), so the
/// functions take it as `int`.
typedef enum XOChafaSymbolTags {
    XO_CHAFA_SYMBOL_TAG_SPACE = 1 << 0,
    XO_CHAFA_SYMBOL_TAG_BLOCK = 1 << 3,
    XO_CHAFA_SYMBOL_TAG_BORDER = 1 << 4,
} XOChafaSymbolTags;

/* MARK: - Function types (the real prototypes, GLib typedefs spelled as C types) */

/* chafa-util.h, chafa-symbol-map.h, chafa-canvas-config.h, chafa-canvas.h, chafa-term-db.h, chafa-term-info.h */
typedef void (*xo_chafa_calc_canvas_geometry_fn)(
    int src_width, int src_height, int *dest_width_inout, int *dest_height_inout, float font_ratio, int zoom,
    int stretch);
typedef struct ChafaSymbolMap *(*xo_chafa_symbol_map_new_fn)(void);
typedef void (*xo_chafa_symbol_map_unref_fn)(struct ChafaSymbolMap *symbol_map);
typedef void (*xo_chafa_symbol_map_add_by_tags_fn)(struct ChafaSymbolMap *symbol_map, int tags);
typedef struct ChafaCanvasConfig *(*xo_chafa_canvas_config_new_fn)(void);
typedef void (*xo_chafa_canvas_config_unref_fn)(struct ChafaCanvasConfig *config);
typedef void (*xo_chafa_canvas_config_set_geometry_fn)(struct ChafaCanvasConfig *config, int width, int height);
typedef void (*xo_chafa_canvas_config_set_symbol_map_fn)(
    struct ChafaCanvasConfig *config, const struct ChafaSymbolMap *symbol_map);
typedef void (*xo_chafa_canvas_config_set_canvas_mode_fn)(struct ChafaCanvasConfig *config, unsigned int mode);
typedef void (*xo_chafa_canvas_config_set_pixel_mode_fn)(struct ChafaCanvasConfig *config, unsigned int pixel_mode);
typedef struct ChafaCanvas *(*xo_chafa_canvas_new_fn)(const struct ChafaCanvasConfig *config);
typedef void (*xo_chafa_canvas_unref_fn)(struct ChafaCanvas *canvas);
typedef void (*xo_chafa_canvas_draw_all_pixels_fn)(
    struct ChafaCanvas *canvas, unsigned int src_pixel_type, const unsigned char *src_pixels, int src_width,
    int src_height, int src_rowstride);
typedef struct _GString *(*xo_chafa_canvas_print_fn)(struct ChafaCanvas *canvas, struct ChafaTermInfo *term_info);
typedef struct ChafaTermDb *(*xo_chafa_term_db_get_default_fn)(void);
typedef struct ChafaTermInfo *(*xo_chafa_term_db_detect_fn)(struct ChafaTermDb *term_db, char **envp);
typedef void (*xo_chafa_term_info_unref_fn)(struct ChafaTermInfo *term_info);

/* gdk-pixbuf-loader.h, gdk-pixbuf-core.h */
typedef struct _GdkPixbufLoader *(*xo_gdk_pixbuf_loader_new_fn)(void);
typedef int (*xo_gdk_pixbuf_loader_write_fn)(
    struct _GdkPixbufLoader *loader, const unsigned char *buf, size_t count, struct _GError **error);
typedef int (*xo_gdk_pixbuf_loader_close_fn)(struct _GdkPixbufLoader *loader, struct _GError **error);
typedef struct _GdkPixbuf *(*xo_gdk_pixbuf_loader_get_pixbuf_fn)(struct _GdkPixbufLoader *loader);
typedef int (*xo_gdk_pixbuf_get_int_fn)(const struct _GdkPixbuf *pixbuf);
typedef unsigned char *(*xo_gdk_pixbuf_get_pixels_with_length_fn)(const struct _GdkPixbuf *pixbuf, unsigned int *length);

/* gobject.h, gstring.h, gmem.h, gerror.h */
typedef void (*xo_g_object_unref_fn)(void *object);
typedef char *(*xo_g_string_free_fn)(struct _GString *string, int free_segment);
typedef void (*xo_g_free_fn)(void *mem);
typedef void (*xo_g_error_free_fn)(struct _GError *error);

/* MARK: - The table */

/// The functions TerminalImage calls, each field named like the function it points to. Filled by
/// `xo_chafa_api`; every pointer is non-null once it has succeeded.
typedef struct XOChafaAPI {
    xo_chafa_calc_canvas_geometry_fn XO_CHAFA_NONNULL chafa_calc_canvas_geometry;
    xo_chafa_symbol_map_new_fn XO_CHAFA_NONNULL chafa_symbol_map_new;
    xo_chafa_symbol_map_unref_fn XO_CHAFA_NONNULL chafa_symbol_map_unref;
    xo_chafa_symbol_map_add_by_tags_fn XO_CHAFA_NONNULL chafa_symbol_map_add_by_tags;
    xo_chafa_canvas_config_new_fn XO_CHAFA_NONNULL chafa_canvas_config_new;
    xo_chafa_canvas_config_unref_fn XO_CHAFA_NONNULL chafa_canvas_config_unref;
    xo_chafa_canvas_config_set_geometry_fn XO_CHAFA_NONNULL chafa_canvas_config_set_geometry;
    xo_chafa_canvas_config_set_symbol_map_fn XO_CHAFA_NONNULL chafa_canvas_config_set_symbol_map;
    xo_chafa_canvas_config_set_canvas_mode_fn XO_CHAFA_NONNULL chafa_canvas_config_set_canvas_mode;
    xo_chafa_canvas_config_set_pixel_mode_fn XO_CHAFA_NONNULL chafa_canvas_config_set_pixel_mode;
    xo_chafa_canvas_new_fn XO_CHAFA_NONNULL chafa_canvas_new;
    xo_chafa_canvas_unref_fn XO_CHAFA_NONNULL chafa_canvas_unref;
    xo_chafa_canvas_draw_all_pixels_fn XO_CHAFA_NONNULL chafa_canvas_draw_all_pixels;
    xo_chafa_canvas_print_fn XO_CHAFA_NONNULL chafa_canvas_print;
    xo_chafa_term_db_get_default_fn XO_CHAFA_NONNULL chafa_term_db_get_default;
    xo_chafa_term_db_detect_fn XO_CHAFA_NONNULL chafa_term_db_detect;
    xo_chafa_term_info_unref_fn XO_CHAFA_NONNULL chafa_term_info_unref;

    xo_gdk_pixbuf_loader_new_fn XO_CHAFA_NONNULL gdk_pixbuf_loader_new;
    xo_gdk_pixbuf_loader_write_fn XO_CHAFA_NONNULL gdk_pixbuf_loader_write;
    xo_gdk_pixbuf_loader_close_fn XO_CHAFA_NONNULL gdk_pixbuf_loader_close;
    xo_gdk_pixbuf_loader_get_pixbuf_fn XO_CHAFA_NONNULL gdk_pixbuf_loader_get_pixbuf;
    xo_gdk_pixbuf_get_int_fn XO_CHAFA_NONNULL gdk_pixbuf_get_width;
    xo_gdk_pixbuf_get_int_fn XO_CHAFA_NONNULL gdk_pixbuf_get_height;
    xo_gdk_pixbuf_get_int_fn XO_CHAFA_NONNULL gdk_pixbuf_get_n_channels;
    xo_gdk_pixbuf_get_int_fn XO_CHAFA_NONNULL gdk_pixbuf_get_bits_per_sample;
    xo_gdk_pixbuf_get_int_fn XO_CHAFA_NONNULL gdk_pixbuf_get_rowstride;
    xo_gdk_pixbuf_get_int_fn XO_CHAFA_NONNULL gdk_pixbuf_get_has_alpha;
    xo_gdk_pixbuf_get_pixels_with_length_fn XO_CHAFA_NONNULL gdk_pixbuf_get_pixels_with_length;

    xo_g_object_unref_fn XO_CHAFA_NONNULL g_object_unref;
    xo_g_string_free_fn XO_CHAFA_NONNULL g_string_free;
    xo_g_free_fn XO_CHAFA_NONNULL g_free;
    xo_g_error_free_fn XO_CHAFA_NONNULL g_error_free;
} XOChafaAPI;

/* MARK: - Loading */

/// The libraries dlopened: sonames on Linux (Debian 12: libchafa0, libgdk-pixbuf-2.0-0, libglib2.0-0), install
/// names on macOS (untested there; a failure only means no image is drawn).
#if defined(__APPLE__)
#define XO_CHAFA_LIBRARY "libchafa.0.dylib"
#define XO_GDK_PIXBUF_LIBRARY "libgdk_pixbuf-2.0.0.dylib"
#define XO_GOBJECT_LIBRARY "libgobject-2.0.0.dylib"
#define XO_GLIB_LIBRARY "libglib-2.0.0.dylib"
#else
#define XO_CHAFA_LIBRARY "libchafa.so.0"
#define XO_GDK_PIXBUF_LIBRARY "libgdk_pixbuf-2.0.so.0"
#define XO_GOBJECT_LIBRARY "libgobject-2.0.so.0"
#define XO_GLIB_LIBRARY "libglib-2.0.so.0"
#endif

/// Loads the libraries (`RTLD_NOW | RTLD_LOCAL`, never unloaded) and returns the filled table, or NULL with
/// `*failure` naming the library or symbol that is missing and `*reason` set to dlerror()'s text (NULL when
/// there is none; valid until the calling thread's next dl call).
///
/// Not thread-safe, and the table lives in this function's static storage (one copy per object file that calls
/// it): call it once, from one place — TerminalImage's `ChafaLibrary.api`, a Swift `static let`, whose
/// initialization Swift runs exactly once and thread-safely.
static inline const XOChafaAPI *xo_chafa_api(const char **failure, const char **reason) {
    static XOChafaAPI api;
    void *chafa = NULL, *pixbuf = NULL, *gobject = NULL, *glib = NULL;
    *failure = NULL;
    *reason = NULL;
#define XO_CHAFA_OPEN(handle, soname) \
    if (!((handle) = dlopen((soname), RTLD_NOW | RTLD_LOCAL))) { \
        *failure = (soname); \
        *reason = dlerror(); \
        return NULL; \
    }
#define XO_CHAFA_LOAD(handle, name) \
    if (!(api.name = (__typeof__(api.name))dlsym((handle), #name))) { \
        *failure = #name; \
        *reason = dlerror(); \
        return NULL; \
    }
    XO_CHAFA_OPEN(chafa, XO_CHAFA_LIBRARY)
    XO_CHAFA_OPEN(pixbuf, XO_GDK_PIXBUF_LIBRARY)
    XO_CHAFA_OPEN(gobject, XO_GOBJECT_LIBRARY)
    XO_CHAFA_OPEN(glib, XO_GLIB_LIBRARY)

    XO_CHAFA_LOAD(chafa, chafa_calc_canvas_geometry)
    XO_CHAFA_LOAD(chafa, chafa_symbol_map_new)
    XO_CHAFA_LOAD(chafa, chafa_symbol_map_unref)
    XO_CHAFA_LOAD(chafa, chafa_symbol_map_add_by_tags)
    XO_CHAFA_LOAD(chafa, chafa_canvas_config_new)
    XO_CHAFA_LOAD(chafa, chafa_canvas_config_unref)
    XO_CHAFA_LOAD(chafa, chafa_canvas_config_set_geometry)
    XO_CHAFA_LOAD(chafa, chafa_canvas_config_set_symbol_map)
    XO_CHAFA_LOAD(chafa, chafa_canvas_config_set_canvas_mode)
    XO_CHAFA_LOAD(chafa, chafa_canvas_config_set_pixel_mode)
    XO_CHAFA_LOAD(chafa, chafa_canvas_new)
    XO_CHAFA_LOAD(chafa, chafa_canvas_unref)
    XO_CHAFA_LOAD(chafa, chafa_canvas_draw_all_pixels)
    XO_CHAFA_LOAD(chafa, chafa_canvas_print)
    XO_CHAFA_LOAD(chafa, chafa_term_db_get_default)
    XO_CHAFA_LOAD(chafa, chafa_term_db_detect)
    XO_CHAFA_LOAD(chafa, chafa_term_info_unref)

    XO_CHAFA_LOAD(pixbuf, gdk_pixbuf_loader_new)
    XO_CHAFA_LOAD(pixbuf, gdk_pixbuf_loader_write)
    XO_CHAFA_LOAD(pixbuf, gdk_pixbuf_loader_close)
    XO_CHAFA_LOAD(pixbuf, gdk_pixbuf_loader_get_pixbuf)
    XO_CHAFA_LOAD(pixbuf, gdk_pixbuf_get_width)
    XO_CHAFA_LOAD(pixbuf, gdk_pixbuf_get_height)
    XO_CHAFA_LOAD(pixbuf, gdk_pixbuf_get_n_channels)
    XO_CHAFA_LOAD(pixbuf, gdk_pixbuf_get_bits_per_sample)
    XO_CHAFA_LOAD(pixbuf, gdk_pixbuf_get_rowstride)
    XO_CHAFA_LOAD(pixbuf, gdk_pixbuf_get_has_alpha)
    XO_CHAFA_LOAD(pixbuf, gdk_pixbuf_get_pixels_with_length)

    XO_CHAFA_LOAD(gobject, g_object_unref)
    XO_CHAFA_LOAD(glib, g_string_free)
    XO_CHAFA_LOAD(glib, g_free)
    XO_CHAFA_LOAD(glib, g_error_free)
#undef XO_CHAFA_LOAD
#undef XO_CHAFA_OPEN
    return &api;
}

#if defined(__clang__)
#pragma clang diagnostic pop
#endif
#endif
