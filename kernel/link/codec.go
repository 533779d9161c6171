package link

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"sync"
)

// MaxFrame is the largest frame a Reader accepts (64 MiB), so that a corrupt
// length prefix cannot make it allocate without bound.
const MaxFrame = 64 << 20

// Writer writes frames to an io.Writer. It is safe for concurrent use: each
// frame is written whole. The zero value is not usable; use NewWriter.
type Writer struct {
	mu sync.Mutex
	w  io.Writer
}

// NewWriter returns a Writer on w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

// Write encodes f as a 4-byte big-endian length followed by its JSON.
func (w *Writer) Write(f *Frame) error {
	body, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("link: encode %s frame: %w", f.Kind, err)
	}
	buf := make([]byte, 4+len(body))
	binary.BigEndian.PutUint32(buf, uint32(len(body)))
	copy(buf[4:], body)
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, err := w.w.Write(buf); err != nil {
		return fmt.Errorf("link: write %s frame: %w", f.Kind, err)
	}
	return nil
}

// Reader reads frames from an io.Reader. It is not safe for concurrent use.
// The zero value is not usable; use NewReader.
type Reader struct {
	r *bufio.Reader
}

// NewReader returns a Reader on r.
func NewReader(r io.Reader) *Reader { return &Reader{r: bufio.NewReaderSize(r, 64<<10)} }

// Read returns the next frame. It returns io.EOF when the stream ends
// cleanly between frames.
func (r *Reader) Read() (*Frame, error) {
	var hdr [4]byte
	if _, err := io.ReadFull(r.r, hdr[:]); err != nil {
		if err == io.EOF {
			return nil, io.EOF
		}
		return nil, fmt.Errorf("link: read frame header: %w", err)
	}
	n := binary.BigEndian.Uint32(hdr[:])
	if n > MaxFrame {
		return nil, fmt.Errorf("link: frame of %d bytes exceeds the %d-byte limit", n, MaxFrame)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r.r, body); err != nil {
		return nil, fmt.Errorf("link: read frame body: %w", err)
	}
	f := new(Frame)
	if err := json.Unmarshal(body, f); err != nil {
		return nil, fmt.Errorf("link: decode frame: %w", err)
	}
	return f, nil
}
