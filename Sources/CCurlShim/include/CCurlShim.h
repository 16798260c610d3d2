// The few libcurl declarations simwatch uses, copied from curl.h (7.85+ ABI, stable since libcurl.so.4), so the
// build needs no libcurl headers and the binary no libcurl link: the library is opened with dlopen on first use.
// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call; the typed trampolines below call
// them with the right argument type.
#ifndef CCURLSHIM_H
#define CCURLSHIM_H

#include <stddef.h>
#include <stdint.h>

/// A CURL easy handle.
typedef struct ccurl_easy ccurl_easy;
/// A struct curl_slist.
typedef struct ccurl_slist ccurl_slist;

/// curl_write_callback, also the header callback's type.
typedef size_t (*ccurl_write_fn)(char *data, size_t size, size_t count, void *user);
/// curl_xferinfo_callback: non-zero aborts the transfer (CURLE_ABORTED_BY_CALLBACK).
typedef int (*ccurl_xferinfo_fn)(void *user, int64_t dltotal, int64_t dlnow, int64_t ultotal, int64_t ulnow);

/// CURLoption values (CURLOPTTYPE_LONG 0, OBJECTPOINT/STRINGPOINT/SLISTPOINT/CBPOINT 10000, FUNCTIONPOINT 20000,
/// OFF_T 30000).
#define CCURLOPT_WRITEDATA 10001
#define CCURLOPT_URL 10002
#define CCURLOPT_ERRORBUFFER 10010
#define CCURLOPT_WRITEFUNCTION 20011
#define CCURLOPT_POSTFIELDS 10015
#define CCURLOPT_HTTPHEADER 10023
#define CCURLOPT_HEADERDATA 10029
#define CCURLOPT_CUSTOMREQUEST 10036
#define CCURLOPT_NOPROGRESS 43
#define CCURLOPT_NOBODY 44
#define CCURLOPT_FOLLOWLOCATION 52
#define CCURLOPT_XFERINFODATA 10057
#define CCURLOPT_HEADERFUNCTION 20079
#define CCURLOPT_HTTPGET 80
#define CCURLOPT_NOSIGNAL 99
#define CCURLOPT_MAXFILESIZE_LARGE 30117
#define CCURLOPT_POSTFIELDSIZE_LARGE 30120
#define CCURLOPT_TIMEOUT_MS 155
#define CCURLOPT_CONNECTTIMEOUT_MS 156
#define CCURLOPT_PROTOCOLS 181
#define CCURLOPT_XFERINFOFUNCTION 20219
#define CCURLOPT_PROTOCOLS_STR 10318

/// CURLINFO_RESPONSE_CODE (CURLINFO_LONG + 2).
#define CCURLINFO_RESPONSE_CODE 0x200002

/// CURLPROTO_HTTP | CURLPROTO_HTTPS, for libcurl older than 7.85 (no CURLOPT_PROTOCOLS_STR).
#define CCURLPROTO_HTTP_HTTPS 3

/// CURL_ERROR_SIZE: the size of the CURLOPT_ERRORBUFFER buffer.
#define CCURL_ERROR_SIZE 256

/// CURLcode values simwatch tells apart.
#define CCURLE_OK 0
#define CCURLE_URL_MALFORMAT 3
#define CCURLE_COULDNT_RESOLVE_PROXY 5
#define CCURLE_COULDNT_RESOLVE_HOST 6
#define CCURLE_COULDNT_CONNECT 7
#define CCURLE_OPERATION_TIMEDOUT 28
#define CCURLE_SSL_CONNECT_ERROR 35
#define CCURLE_UNKNOWN_OPTION 48
#define CCURLE_GOT_NOTHING 52
#define CCURLE_SSL_CERTPROBLEM 58
#define CCURLE_SSL_CIPHER 59
#define CCURLE_PEER_FAILED_VERIFICATION 60
#define CCURLE_FILESIZE_EXCEEDED 63
#define CCURLE_SSL_CACERT_BADFILE 77
#define CCURLE_SSL_ISSUER_ERROR 83
#define CCURLE_SSL_PINNEDPUBKEYNOTMATCH 90
#define CCURLE_SSL_INVALIDCERTSTATUS 91
#define CCURLE_PROXY 97

/// The libcurl entry points, resolved with dlsym. Filled once by ccurl_api_load and never changed after.
typedef struct ccurl_api {
    void *library;
    int (*global_init)(long flags);
    ccurl_easy *(*easy_init)(void);
    void (*easy_cleanup)(ccurl_easy *handle);
    int (*easy_perform)(ccurl_easy *handle);
    const char *(*easy_strerror)(int code);
    int (*easy_setopt)(ccurl_easy *handle, int option, ...);
    int (*easy_getinfo)(ccurl_easy *handle, int info, ...);
    ccurl_slist *(*slist_append)(ccurl_slist *list, const char *string);
    void (*slist_free_all)(ccurl_slist *list);
} ccurl_api;

/// Opens `soname`, resolves the entry points and calls curl_global_init (once per process). 0 on success; -1 when
/// the library cannot be opened, -2 when it lacks a function or fails to initialise; `error` then says why.
int ccurl_api_load(ccurl_api *api, const char *soname, char *error, size_t error_size);

ccurl_easy *ccurl_easy_init(const ccurl_api *api);
void ccurl_easy_cleanup(const ccurl_api *api, ccurl_easy *handle);
int ccurl_easy_perform(const ccurl_api *api, ccurl_easy *handle);
const char *ccurl_easy_strerror(const ccurl_api *api, int code);
int ccurl_setopt_long(const ccurl_api *api, ccurl_easy *handle, int option, long value);
int ccurl_setopt_off(const ccurl_api *api, ccurl_easy *handle, int option, int64_t value);
int ccurl_setopt_pointer(const ccurl_api *api, ccurl_easy *handle, int option, const void *value);
int ccurl_setopt_write(const ccurl_api *api, ccurl_easy *handle, int option, ccurl_write_fn value);
int ccurl_setopt_xferinfo(const ccurl_api *api, ccurl_easy *handle, int option, ccurl_xferinfo_fn value);
int ccurl_getinfo_long(const ccurl_api *api, ccurl_easy *handle, int info, long *value);
ccurl_slist *ccurl_slist_append(const ccurl_api *api, ccurl_slist *list, const char *string);
void ccurl_slist_free_all(const ccurl_api *api, ccurl_slist *list);

#endif
