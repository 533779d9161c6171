package runtime

import (
	"context"
	"errors"
	"os"
	"time"
)

// withDeadline runs op, a blocking read or write on a pollable file or
// connection, as a blocking region bounded by ctx: ctx's deadline becomes
// the I/O deadline, and cancelling ctx moves the deadline to the past so
// that op returns at once. It returns ctx's error when ctx ended op.
func withDeadline(ctx context.Context, setDeadline func(time.Time) error, op func() error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	dl, hasDL := ctx.Deadline()
	if err := setDeadline(dl); err != nil {
		return blockingWait(ctx, op) // not pollable: plain blocking
	}
	fired := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		defer close(fired)
		_ = setDeadline(time.Unix(1, 0))
	})
	err := blockingWait(ctx, op)
	if !stop() {
		<-fired // its deadline must not land after the reset below
	}
	_ = setDeadline(time.Time{})
	if err == nil {
		return nil
	}
	if cerr := ctx.Err(); cerr != nil {
		return cerr
	}
	if hasDL && errors.Is(err, os.ErrDeadlineExceeded) && !time.Now().Before(dl) {
		return context.DeadlineExceeded // the I/O deadline beat ctx's timer
	}
	return err
}
