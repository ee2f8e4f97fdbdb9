#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>

/// Options that exist only in some libxml2 versions: XML_PARSE_NO_XXE (2.13.0+) disables loading external DTDs
/// and entities (security.md §4.2, §4.4). 0 when built against an older libxml2 such as Debian 12's 2.9.14.
static inline int clibxml2_version_specific_options(void) {
#if LIBXML_VERSION >= 21300
    return XML_PARSE_NO_XXE;
#else
    return 0;
#endif
}

/// XML_SAX2_MAGIC as an unsigned int (the macro's literal does not fit Swift's imported Int32).
static inline unsigned int clibxml2_sax2_magic(void) {
    return XML_SAX2_MAGIC;
}
#endif
