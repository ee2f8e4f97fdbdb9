#ifndef CRESOLV_SHIM_H
#define CRESOLV_SHIM_H
#include <sys/types.h>
#include <netinet/in.h>
#include <arpa/nameser.h>
#include <resolv.h>
#include <netdb.h>
#include <string.h>
#include <arpa/inet.h>

/* res_query uses the per-thread resolver state; res_nquery with our own state is thread-safe. */
static inline int cresolv_query_srv(const char *name, unsigned char *answer, int length,
                                    const char *nameserver_ip, int nameserver_port) {
    struct __res_state state;
    memset(&state, 0, sizeof(state));
    if (res_ninit(&state) != 0) { return -1; }
    if (nameserver_ip != NULL && nameserver_ip[0] != '\0') {
        struct sockaddr_in addr;
        memset(&addr, 0, sizeof(addr));
        addr.sin_family = AF_INET;
        addr.sin_port = htons((unsigned short)nameserver_port);
        if (inet_pton(AF_INET, nameserver_ip, &addr.sin_addr) != 1) { res_nclose(&state); return -1; }
        state.nsaddr_list[0] = addr;
        state.nscount = 1;
        state.retry = 1;
        state.retrans = 2;
    }
    int result = res_nquery(&state, name, C_IN, T_SRV, answer, length);
    int saved = state.res_h_errno;
    res_nclose(&state);
    if (result < 0) { return saved > 0 ? -100 - saved : -1; }
    return result;
}
#endif
