// The CommonMark reference library (Debian: libcmark-dev). Imported only by the Markdown target.
#ifndef XMPP_ONBOARD_CCMARK_SHIM_H
#define XMPP_ONBOARD_CCMARK_SHIM_H

#include <cmark.h>

#endif
