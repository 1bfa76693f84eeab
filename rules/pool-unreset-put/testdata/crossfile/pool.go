package templates

import (
	"bytes"
	"sync"
)

// pagePool is used by page.go.
var pagePool = sync.Pool{New: func() any { return new(bytes.Buffer) }}
