package display

// HTML is an HTML fragment (text/html).
type HTML string

// Markdown is Markdown text (text/markdown).
type Markdown string

// SVG is an SVG image document (image/svg+xml).
type SVG string

// Latex is LaTeX source, usually math between $ signs (text/latex).
type Latex string

// PNG is an encoded PNG image (image/png).
type PNG []byte

// JPEG is an encoded JPEG image (image/jpeg).
type JPEG []byte

// JSON shows Value as JSON (application/json); Value must marshal with
// encoding/json.
type JSON struct{ Value any }

// MIME is a ready-made MIME bundle: MIME type -> data (string, or a JSON-able
// value for JSON types). Bundle adds text/plain when it is missing.
type MIME map[string]any
