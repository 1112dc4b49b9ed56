package pgmanaged

import "syscall"

// setParentDeathSignal asks the kernel to send postgres SIGINT (fast
// shutdown) if this process dies, so a killed application leaves no
// orphaned server holding the data directory.
func setParentDeathSignal(a *syscall.SysProcAttr) { a.Pdeathsig = syscall.SIGINT }
