//go:build !linux

package pgmanaged

import "syscall"

// setParentDeathSignal does nothing where there is no parent-death signal:
// a killed application may leave the server running, which the next Start
// reports (see checkPidFile).
func setParentDeathSignal(*syscall.SysProcAttr) {}
