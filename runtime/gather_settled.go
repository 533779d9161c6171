package runtime

import "context"

// Outcome is the result of one awaitable in GatherSettled: its value, or
// its error.
type Outcome struct {
	Value any
	Err   error
}

// GatherSettled waits for every awaitable and returns their outcomes in the
// order given, errors included, like asyncio.gather(...,
// return_exceptions=True). Its own error is ctx's, if ctx is done first.
func GatherSettled(ctx context.Context, aws ...Awaitable) ([]Outcome, error) {
	fs := futures(aws)
	if err := waitFutures(ctx, fs, false); err != nil {
		return nil, err
	}
	outs := make([]Outcome, len(fs))
	for i, f := range fs {
		outs[i] = Outcome{Value: f.value, Err: f.err}
	}
	return outs, nil
}
