"""Accepts every tracked change of a .docx in LibreOffice (headless, through UNO) and saves the text.

Run with Debian's /usr/bin/python3 (package python3-uno):  lo-accept.py IN.docx OUT.txt PROFILE_DIR
Used by test/core/docx/review-accept-libreoffice.test.ts: accepting all changes in a real word processor
must give what `renda lint --fix` writes.
"""
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


src, out, profile = sys.argv[1], sys.argv[2], sys.argv[3]
pipe = "renda_accept_%d" % os.getpid()
office = subprocess.Popen(
    ["soffice", "--headless", "--invisible", "--nologo", "--norestore",
     "-env:UserInstallation=" + uno.systemPathToFileUrl(os.path.abspath(profile)),
     "--accept=pipe,name=%s;urp;" % pipe],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = None
    for _ in range(240):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception:
            time.sleep(0.5)
    if ctx is None:
        sys.exit("LibreOffice did not answer on its pipe")
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))
    dispatcher = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    dispatcher.executeDispatch(doc.getCurrentController().getFrame(), ".uno:AcceptAllTrackedChanges", "", 0, ())
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)),
                   (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8")))
    doc.close(True)
    try:
        desktop.terminate()
    except Exception:
        pass  # the bridge closes as LibreOffice exits
finally:
    try:
        office.wait(timeout=30)
    except Exception:
        office.kill()
