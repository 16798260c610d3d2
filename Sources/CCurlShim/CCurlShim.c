#include "CCurlShim.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

// CURL_GLOBAL_DEFAULT (CURL_GLOBAL_SSL | CURL_GLOBAL_WIN32).
#define CCURL_GLOBAL_DEFAULT 3L

static void *symbol(void *library, const char *name, const char **missing) {
    void *found = dlsym(library, name);
    if (found == NULL && *missing == NULL) *missing = name;
    return found;
}

int ccurl_api_load(ccurl_api *api, const char *soname, char *error, size_t error_size) {
    memset(api, 0, sizeof *api);
    // RTLD_LOCAL: libcurl's own dependencies (libssl, libnghttp2, ...) stay out of the global namespace.
    void *library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *why = dlerror();
        snprintf(error, error_size, "%s", why != NULL ? why : "dlopen failed");
        return -1;
    }
    const char *missing = NULL;
    api->global_init = (int (*)(long))symbol(library, "curl_global_init", &missing);
    api->easy_init = (ccurl_easy * (*)(void)) symbol(library, "curl_easy_init", &missing);
    api->easy_cleanup = (void (*)(ccurl_easy *))symbol(library, "curl_easy_cleanup", &missing);
    api->easy_perform = (int (*)(ccurl_easy *))symbol(library, "curl_easy_perform", &missing);
    api->easy_strerror = (const char *(*)(int))symbol(library, "curl_easy_strerror", &missing);
    api->easy_setopt = (int (*)(ccurl_easy *, int, ...))symbol(library, "curl_easy_setopt", &missing);
    api->easy_getinfo = (int (*)(ccurl_easy *, int, ...))symbol(library, "curl_easy_getinfo", &missing);
    api->slist_append = (ccurl_slist * (*)(ccurl_slist *, const char *)) symbol(library, "curl_slist_append", &missing);
    api->slist_free_all = (void (*)(ccurl_slist *))symbol(library, "curl_slist_free_all", &missing);
    if (missing != NULL) {
        snprintf(error, error_size, "%s has no %s", soname, missing);
        dlclose(library);
        memset(api, 0, sizeof *api);
        return -2;
    }
    int code = api->global_init(CCURL_GLOBAL_DEFAULT);
    if (code != 0) {
        snprintf(error, error_size, "curl_global_init failed: %s", api->easy_strerror(code));
        dlclose(library);
        memset(api, 0, sizeof *api);
        return -2;
    }
    api->library = library;
    return 0;
}

ccurl_easy *ccurl_easy_init(const ccurl_api *api) { return api->easy_init(); }

void ccurl_easy_cleanup(const ccurl_api *api, ccurl_easy *handle) { api->easy_cleanup(handle); }

int ccurl_easy_perform(const ccurl_api *api, ccurl_easy *handle) { return api->easy_perform(handle); }

const char *ccurl_easy_strerror(const ccurl_api *api, int code) { return api->easy_strerror(code); }

int ccurl_setopt_long(const ccurl_api *api, ccurl_easy *handle, int option, long value) {
    return api->easy_setopt(handle, option, value);
}

int ccurl_setopt_off(const ccurl_api *api, ccurl_easy *handle, int option, int64_t value) {
    // curl_off_t is a 64-bit signed integer on every platform libcurl.so.4 ships for.
    return api->easy_setopt(handle, option, value);
}

int ccurl_setopt_pointer(const ccurl_api *api, ccurl_easy *handle, int option, const void *value) {
    return api->easy_setopt(handle, option, value);
}

int ccurl_setopt_write(const ccurl_api *api, ccurl_easy *handle, int option, ccurl_write_fn value) {
    return api->easy_setopt(handle, option, value);
}

int ccurl_setopt_xferinfo(const ccurl_api *api, ccurl_easy *handle, int option, ccurl_xferinfo_fn value) {
    return api->easy_setopt(handle, option, value);
}

int ccurl_getinfo_long(const ccurl_api *api, ccurl_easy *handle, int info, long *value) {
    return api->easy_getinfo(handle, info, value);
}

ccurl_slist *ccurl_slist_append(const ccurl_api *api, ccurl_slist *list, const char *string) {
    return api->slist_append(list, string);
}

void ccurl_slist_free_all(const ccurl_api *api, ccurl_slist *list) { api->slist_free_all(list); }
