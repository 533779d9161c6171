package runtime

import "context"

// Shield starts fn as a task (see CreateTask) that the cancellation of ctx
// does not reach, like asyncio.shield: cancelling the caller, or the
// context it was given, leaves the shielded work running. The task keeps
// ctx's values (and its loop); only Cancel on the returned task, or the end
// of its loop's run, cancels it. Whoever gets the task owns it: await it.
func Shield(ctx context.Context, fn TaskFunc) *Task {
	return CreateTask(context.WithoutCancel(ctx), fn)
}
