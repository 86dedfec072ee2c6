/* TEST-ONLY stand-in for Windows' bcryptprimitives.dll, for running the Windows build under Wine.
 *
 * Qt6Pdf.dll (PDFium, Chromium's base library) loads bcryptprimitives.dll and calls its
 * ProcessPrng for random numbers, and stops with a breakpoint when the DLL is missing. Windows
 * 10 and 11 have it in System32; Wine 8 (Debian 12) does not. This stub answers ProcessPrng from
 * advapi32's RtlGenRandom (SystemFunction036), which Wine implements.
 *
 * Compiled with mingw-w64 into a Wine prefix's C:\windows\system32 by installer/wine_smoke.py
 * and installer/build_windows.py. NEVER shipped (see icuuc_stub.c).
 */
#include <windows.h>

typedef BOOLEAN (WINAPI *RtlGenRandomFn)(PVOID, ULONG);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    static RtlGenRandomFn gen;
    if (!gen) {
        HMODULE advapi = LoadLibraryW(L"advapi32.dll");
        if (!advapi) return FALSE;
        gen = (RtlGenRandomFn)GetProcAddress(advapi, "SystemFunction036");
        if (!gen) return FALSE;
    }
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!gen(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
