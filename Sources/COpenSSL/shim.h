#ifndef COPENSSL_SHIM_H
#define COPENSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/pem.h>
#include <openssl/bio.h>
#include <openssl/objects.h>
#include <openssl/asn1.h>

/* OpenSSL function-like macros are not imported into Swift: wrap them here. */
static inline long copenssl_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) {
    return SSL_CTX_set_min_proto_version(ctx, version);
}
static inline long copenssl_SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version) {
    return SSL_CTX_set_max_proto_version(ctx, version);
}
static inline long copenssl_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
    return SSL_set_tlsext_host_name(ssl, name);
}
static inline uint64_t copenssl_SSL_CTX_set_options(SSL_CTX *ctx, uint64_t options) {
    return SSL_CTX_set_options(ctx, options);
}
static inline uint64_t copenssl_options_no_renegotiation_compression(void) {
    return SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION;
}
static inline int copenssl_TLS1_1_VERSION(void) { return TLS1_1_VERSION; }
static inline int copenssl_TLS1_2_VERSION(void) { return TLS1_2_VERSION; }
static inline int copenssl_TLS1_3_VERSION(void) { return TLS1_3_VERSION; }

/* RFC 7627 extended master secret: 1 when negotiated on this connection. */
static inline long copenssl_SSL_get_extms_support(SSL *ssl) {
    return SSL_get_extms_support(ssl);
}
static inline void copenssl_OPENSSL_free(void *pointer) { OPENSSL_free(pointer); }
static inline int copenssl_ERR_GET_REASON(unsigned long code) { return ERR_GET_REASON(code); }
static inline int copenssl_ERR_GET_LIB(unsigned long code) { return ERR_GET_LIB(code); }
static inline int copenssl_ERR_LIB_SSL(void) { return ERR_LIB_SSL; }

/* RFC 2253 distinguished names, keeping UTF-8 as is (control characters stay escaped). */
static inline unsigned long copenssl_XN_FLAG_RFC2253_UTF8(void) {
    return XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB;
}

static inline int copenssl_sk_GENERAL_NAME_num(const GENERAL_NAMES *names) {
    return sk_GENERAL_NAME_num(names);
}
static inline GENERAL_NAME *copenssl_sk_GENERAL_NAME_value(const GENERAL_NAMES *names, int index) {
    return sk_GENERAL_NAME_value(names, index);
}
static inline void copenssl_GENERAL_NAMES_free(GENERAL_NAMES *names) { GENERAL_NAMES_free(names); }
static inline GENERAL_NAMES *copenssl_X509_subject_alt_names(const X509 *certificate) {
    return (GENERAL_NAMES *)X509_get_ext_d2i(certificate, NID_subject_alt_name, NULL, NULL);
}

static inline long copenssl_SSL_set_msg_callback_arg(SSL *ssl, void *argument) {
    return SSL_set_msg_callback_arg(ssl, argument);
}

/* Reason codes the TLS wrapper maps to its own errors. */
static inline int copenssl_SSL_R_CERTIFICATE_VERIFY_FAILED(void) { return SSL_R_CERTIFICATE_VERIFY_FAILED; }
static inline int copenssl_SSL_R_UNSUPPORTED_PROTOCOL(void) { return SSL_R_UNSUPPORTED_PROTOCOL; }
static inline int copenssl_SSL_R_TLSV1_ALERT_PROTOCOL_VERSION(void) { return SSL_R_TLSV1_ALERT_PROTOCOL_VERSION; }
static inline int copenssl_SSL_R_VERSION_TOO_LOW(void) { return SSL_R_VERSION_TOO_LOW; }
static inline int copenssl_SSL_R_NO_PROTOCOLS_AVAILABLE(void) { return SSL_R_NO_PROTOCOLS_AVAILABLE; }
static inline int copenssl_SSL_R_WRONG_SSL_VERSION(void) { return SSL_R_WRONG_SSL_VERSION; }
static inline int copenssl_SSL_R_WRONG_VERSION_NUMBER(void) { return SSL_R_WRONG_VERSION_NUMBER; }
static inline int copenssl_SSL_R_TLSV1_ALERT_NO_APPLICATION_PROTOCOL(void) {
    return SSL_R_TLSV1_ALERT_NO_APPLICATION_PROTOCOL;
}
#endif
