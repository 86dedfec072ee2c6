/* TEST-ONLY stand-in for Windows' system icuuc.dll, for running the Windows build under Wine.
 *
 * Qt 6.12's Qt6Core.dll imports the ICU converter functions from the icuuc.dll that
 * Windows 10 (1903+) and 11 have in System32; Wine has none, so Qt6Core.dll does not load.
 * This stub exports the same names and behaves like an ICU without any converter data:
 * ucnv_open fails with U_FILE_ACCESS_ERROR, so Qt falls back to its built-in UTF-8/16/32 and
 * Latin-1 codecs (all the application uses).
 *
 * It is compiled with mingw-w64 into a Wine prefix's C:\windows\system32 by
 * installer/build_windows.py (PyInstaller's Qt hooks import QtCore while building) and by the
 * smoke test. It is NEVER shipped: system32 DLLs are not collected by PyInstaller, and the
 * build refuses a bundle that contains an icuuc.dll.
 */
#include <stddef.h>
#include <stdint.h>

#define EXPORT __declspec(dllexport)
#define U_FILE_ACCESS_ERROR 4

typedef int32_t UErrorCode;
typedef uint16_t UChar;

static void fail(UErrorCode *error) {
    if (error && *error <= 0) *error = U_FILE_ACCESS_ERROR;
}

EXPORT void *ucnv_open(const char *name, UErrorCode *error) { (void)name; fail(error); return NULL; }
EXPORT void ucnv_close(void *converter) { (void)converter; }
EXPORT void ucnv_reset(void *converter) { (void)converter; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *error) {
    (void)name; (void)standard; fail(error); return NULL;
}
EXPORT const char *ucnv_getName(const void *converter, UErrorCode *error) { (void)converter; fail(error); return NULL; }
EXPORT int8_t ucnv_getMaxCharSize(const void *converter) { (void)converter; return 4; }
EXPORT void ucnv_getToUCallBack(const void *c, void **action, const void **context) {
    (void)c; if (action) *action = NULL; if (context) *context = NULL;
}
EXPORT void ucnv_getFromUCallBack(const void *c, void **action, const void **context) {
    (void)c; if (action) *action = NULL; if (context) *context = NULL;
}
EXPORT void ucnv_setToUCallBack(void *c, void *a, const void *ctx, void **oa, const void **octx, UErrorCode *error) {
    (void)c; (void)a; (void)ctx; (void)oa; (void)octx; fail(error);
}
EXPORT void ucnv_setFromUCallBack(void *c, void *a, const void *ctx, void **oa, const void **octx, UErrorCode *error) {
    (void)c; (void)a; (void)ctx; (void)oa; (void)octx; fail(error);
}
EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length, int32_t offset, UErrorCode *error) {
    (void)args; (void)source; (void)length; (void)offset; fail(error);
}
EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *limit, int32_t offset, UErrorCode *error) {
    (void)args; (void)source; (void)limit; (void)offset; fail(error);
}
EXPORT int32_t ucnv_toUCountPending(const void *c, UErrorCode *error) { (void)c; fail(error); return 0; }
EXPORT int32_t ucnv_fromUCountPending(const void *c, UErrorCode *error) { (void)c; fail(error); return 0; }
EXPORT void ucnv_toUnicode(void *c, UChar **t, const UChar *tl, const char **s, const char *sl, int32_t *o, int8_t f, UErrorCode *error) {
    (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; fail(error);
}
EXPORT void ucnv_fromUnicode(void *c, char **t, const char *tl, const UChar **s, const UChar *sl, int32_t *o, int8_t f, UErrorCode *error) {
    (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; fail(error);
}
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *ctx, void *args, const UChar *cu, int32_t len, int32_t cp, int reason, UErrorCode *error) {
    (void)ctx; (void)args; (void)cu; (void)len; (void)cp; (void)reason; (void)error;
}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *ctx, void *args, const char *cb, int32_t len, int reason, UErrorCode *error) {
    (void)ctx; (void)args; (void)cb; (void)len; (void)reason; (void)error;
}
