/// What alloclint knows of the standard library without reading it: a small table of types,
/// package variables, function results and method results, keyed `path.Name` and
/// `path.Type.Method`. Deliberately partial: a name missing here is `.unknown`, and rules stay
/// silent about it. Named types whose shape is not listed (e.g. `time.Time`) are unknown on purpose.
public enum StandardLibrary {
    static let byteSlice = GoType.slice(.basic(.byteSized))
    static let error = GoType.named(.external(path: "", name: "error"))
    static func pointer(_ path: String, _ name: String) -> GoType { .pointer(.named(.external(path: path, name: name))) }
    static func named(_ path: String, _ name: String) -> GoType { .named(.external(path: path, name: name)) }

    /// The universe's types.
    static func builtinType(_ name: String) -> GoType {
        switch name {
        case "bool": return .basic(.bool)
        case "byte", "uint8", "int8": return .basic(.byteSized)
        case "int", "int16", "int32", "int64", "uint", "uint16", "uint32", "uint64", "uintptr", "rune": return .basic(.integer)
        case "float32", "float64": return .basic(.float)
        case "complex64", "complex128": return .basic(.complex)
        case "string": return .string
        case "any": return .interface
        case "error": return error
        default: return .unknown
        }
    }

    /// Underlying types of named types of other packages.
    static let types: [String: GoType] = {
        var table: [String: GoType] = [".error": .interface]
        for name in ["sync.Pool", "sync.Mutex", "sync.RWMutex", "sync.WaitGroup", "sync.Once", "bytes.Buffer",
                     "strings.Builder", "bytes.Reader", "strings.Reader", "bufio.Reader", "bufio.Writer", "bufio.Scanner",
                     "log.Logger", "compress/gzip.Writer", "compress/gzip.Reader", "compress/flate.Writer",
                     "compress/zlib.Writer", "regexp.Regexp"] {
            table[name] = .structure(nil)
        }
        for name in ["io.Reader", "io.Writer", "io.Closer", "io.ReadWriter", "io.ReadCloser", "io.WriteCloser",
                     "io.ReadWriteCloser", "io.ReaderFrom", "io.WriterTo", "io.ByteReader", "io.ByteWriter",
                     "io.StringWriter", "io.ReaderAt", "io.WriterAt", "io.Seeker", "context.Context", "fmt.Stringer",
                     "fmt.State", "fmt.Formatter", "reflect.Type", "net.Conn", "net.Addr", "net.Listener",
                     "net/http.ResponseWriter", "net/http.Handler", "sort.Interface", "hash.Hash", "hash.Hash32",
                     "hash.Hash64", "io/fs.File", "io/fs.FileInfo", "os.FileInfo", "encoding.BinaryMarshaler",
                     "encoding.TextMarshaler", "encoding/json.Marshaler", "error"] {
            table[name] = .interface
        }
        for name in ["time.Duration", "os.FileMode", "io/fs.FileMode", "reflect.Kind", "time.Month", "time.Weekday"] {
            table[name] = .basic(.integer)
        }
        table["unsafe.Pointer"] = .pointer(.unknown)
        return table
    }()

    /// Package-level variables.
    static let variables: [String: GoType] = [
        "os.Stdout": pointer("os", "File"), "os.Stderr": pointer("os", "File"), "os.Stdin": pointer("os", "File"),
        "os.Args": .slice(.string),
        "io.EOF": error, "io.ErrUnexpectedEOF": error, "io.ErrShortWrite": error, "io.Discard": named("io", "Writer"),
    ]

    /// Results of package-level functions (a tuple when there are several).
    static let functions: [String: GoType] = {
        var table: [String: GoType] = [:]
        func set(_ names: [String], _ type: GoType) { for name in names { table[name] = type } }
        set(["strconv.Itoa", "strconv.FormatInt", "strconv.FormatUint", "strconv.FormatFloat", "strconv.FormatBool",
             "strconv.Quote", "strconv.QuoteRune", "strconv.QuoteToASCII",
             "fmt.Sprintf", "fmt.Sprint", "fmt.Sprintln",
             "strings.Join", "strings.Repeat", "strings.ToLower", "strings.ToUpper", "strings.TrimSpace", "strings.Trim",
             "strings.TrimLeft", "strings.TrimRight", "strings.TrimPrefix", "strings.TrimSuffix", "strings.Replace",
             "strings.ReplaceAll", "strings.Title", "strings.ToTitle", "strings.Map", "strings.Clone",
             "hex.EncodeToString", "encoding/hex.EncodeToString", "path.Join", "path/filepath.Join", "path.Base",
             "path/filepath.Base", "path.Dir", "path/filepath.Dir", "path.Clean", "path/filepath.Clean",
             "net.JoinHostPort", "time.Duration.String", "os.Getenv", "html.EscapeString", "net/url.QueryEscape",
             "net/url.PathEscape"], .string)
        set(["strconv.AppendInt", "strconv.AppendUint", "strconv.AppendFloat", "strconv.AppendBool", "strconv.AppendQuote",
             "strconv.AppendQuoteRune", "strconv.AppendQuoteToASCII", "fmt.Append", "fmt.Appendf", "fmt.Appendln",
             "bytes.Clone", "bytes.TrimSpace", "bytes.ToLower", "bytes.ToUpper", "bytes.Join", "bytes.Repeat",
             "bytes.Trim", "bytes.TrimPrefix", "bytes.TrimSuffix", "bytes.Replace", "bytes.ReplaceAll",
             "unicode/utf8.AppendRune", "encoding/hex.AppendEncode"], byteSlice)
        set(["strings.Split", "strings.SplitN", "strings.SplitAfter", "strings.Fields", "strings.FieldsFunc"], .slice(.string))
        set(["bytes.Split", "bytes.SplitN", "bytes.Fields"], .slice(byteSlice))
        set(["strings.Contains", "strings.ContainsAny", "strings.ContainsRune", "strings.HasPrefix", "strings.HasSuffix",
             "strings.EqualFold", "bytes.Equal", "bytes.HasPrefix", "bytes.HasSuffix", "bytes.Contains",
             "bytes.EqualFold", "errors.Is", "errors.As", "unicode/utf8.ValidString", "unicode/utf8.Valid",
             "unicode.IsSpace", "unicode.IsLetter", "unicode.IsDigit", "unicode.IsUpper", "unicode.IsLower"], .basic(.bool))
        set(["strings.Index", "strings.IndexByte", "strings.IndexRune", "strings.LastIndex", "strings.Count",
             "strings.Compare", "bytes.Index", "bytes.IndexByte", "bytes.LastIndex", "bytes.Count", "bytes.Compare",
             "unicode/utf8.RuneLen", "unicode/utf8.RuneCount", "unicode/utf8.RuneCountInString", "unicode/utf8.EncodeRune"],
            .basic(.integer))
        set(["math.Sqrt", "math.Abs", "math.Floor", "math.Ceil", "math.Max", "math.Min", "math.Pow", "math.Log",
             "math.Exp", "math.Round", "math.Trunc", "math.Mod", "math.Inf", "math.NaN"], .basic(.float))
        set(["fmt.Errorf", "errors.New", "errors.Join", "errors.Unwrap", "context.Background", "context.TODO",
             "reflect.TypeOf"], .interface)
        table["bytes.NewBuffer"] = pointer("bytes", "Buffer")
        table["bytes.NewBufferString"] = pointer("bytes", "Buffer")
        table["bytes.NewReader"] = pointer("bytes", "Reader")
        table["strings.NewReader"] = pointer("strings", "Reader")
        table["strings.NewReplacer"] = pointer("strings", "Replacer")
        table["bufio.NewReader"] = pointer("bufio", "Reader")
        table["bufio.NewReaderSize"] = pointer("bufio", "Reader")
        table["bufio.NewWriter"] = pointer("bufio", "Writer")
        table["bufio.NewWriterSize"] = pointer("bufio", "Writer")
        table["bufio.NewScanner"] = pointer("bufio", "Scanner")
        table["go/token.NewFileSet"] = pointer("go/token", "FileSet")
        table["regexp.MustCompile"] = pointer("regexp", "Regexp")
        table["regexp.MustCompilePOSIX"] = pointer("regexp", "Regexp")
        table["regexp.Compile"] = .tuple([pointer("regexp", "Regexp"), error])
        table["regexp.CompilePOSIX"] = .tuple([pointer("regexp", "Regexp"), error])
        table["compress/gzip.NewWriter"] = pointer("compress/gzip", "Writer")
        table["compress/gzip.NewWriterLevel"] = .tuple([pointer("compress/gzip", "Writer"), error])
        table["compress/gzip.NewReader"] = .tuple([pointer("compress/gzip", "Reader"), error])
        table["compress/flate.NewWriter"] = .tuple([pointer("compress/flate", "Writer"), error])
        table["compress/zlib.NewWriter"] = pointer("compress/zlib", "Writer")
        table["compress/zlib.NewWriterLevel"] = .tuple([pointer("compress/zlib", "Writer"), error])
        table["encoding/json.NewEncoder"] = pointer("encoding/json", "Encoder")
        table["encoding/json.NewDecoder"] = pointer("encoding/json", "Decoder")
        table["log.New"] = pointer("log", "Logger")
        table["log.Default"] = pointer("log", "Logger")
        table["errors.New"] = .interface
        table["time.Now"] = named("time", "Time")
        table["time.Since"] = named("time", "Duration")
        table["time.Until"] = named("time", "Duration")
        table["reflect.ValueOf"] = named("reflect", "Value")
        table["strconv.Atoi"] = .tuple([.basic(.integer), error])
        table["strconv.ParseInt"] = .tuple([.basic(.integer), error])
        table["strconv.ParseUint"] = .tuple([.basic(.integer), error])
        table["strconv.ParseFloat"] = .tuple([.basic(.float), error])
        table["strconv.ParseBool"] = .tuple([.basic(.bool), error])
        for name in ["unicode/utf8.DecodeRune", "unicode/utf8.DecodeRuneInString", "unicode/utf8.DecodeLastRune",
                     "unicode/utf8.DecodeLastRuneInString"] {
            table[name] = .tuple([.basic(.integer), .basic(.integer)])
        }
        for name in ["io.ReadFull", "io.ReadAtLeast", "io.Copy", "io.CopyN", "io.WriteString"] {
            table[name] = .tuple([.basic(.integer), error])
        }
        table["path/filepath.SplitList"] = .slice(.string)
        table["strings.Cut"] = .tuple([.string, .string, .basic(.bool)])
        table["strconv.Unquote"] = .tuple([.string, error])
        set(["math.Float32bits", "math.Float64bits"], .basic(.integer))
        set(["math.Float32frombits", "math.Float64frombits"], .basic(.float))
        table["os.Getwd"] = .tuple([.string, error])
        table["encoding/json.Marshal"] = .tuple([byteSlice, error])
        table["encoding/json.MarshalIndent"] = .tuple([byteSlice, error])
        table["io.ReadAll"] = .tuple([byteSlice, error])
        table["os.ReadFile"] = .tuple([byteSlice, error])
        table["os.Open"] = .tuple([pointer("os", "File"), error])
        table["os.Create"] = .tuple([pointer("os", "File"), error])
        table["os.OpenFile"] = .tuple([pointer("os", "File"), error])
        table["make"] = .unknown
        return table
    }()

    /// Results of methods of standard-library types (receiver by value or pointer). Also the method
    /// sets the analysis knows: `sync.Pool.Put` makes an embedded `sync.Pool` promote `Put`.
    static let methods: [String: GoType] = {
        var table: [String: GoType] = [
            "sync.Pool.Get": .interface, "sync.Pool.Put": .tuple([]),
            "sync.Mutex.Lock": .tuple([]), "sync.Mutex.Unlock": .tuple([]),
            "sync.RWMutex.Lock": .tuple([]), "sync.RWMutex.Unlock": .tuple([]),
            "sync.RWMutex.RLock": .tuple([]), "sync.RWMutex.RUnlock": .tuple([]),
            "sync.WaitGroup.Add": .tuple([]), "sync.WaitGroup.Done": .tuple([]), "sync.WaitGroup.Wait": .tuple([]),
            "sync.Once.Do": .tuple([]),
        ]
        for type in ["bytes.Buffer", "strings.Builder"] {
            table["\(type).String"] = .string
            table["\(type).Len"] = .basic(.integer)
            table["\(type).Cap"] = .basic(.integer)
            table["\(type).Reset"] = .tuple([])
            table["\(type).Grow"] = .tuple([])
            table["\(type).Write"] = .tuple([.basic(.integer), error])
            table["\(type).WriteString"] = .tuple([.basic(.integer), error])
            table["\(type).WriteByte"] = error
            table["\(type).WriteRune"] = .tuple([.basic(.integer), error])
        }
        table["bytes.Buffer.Bytes"] = byteSlice
        table["bytes.Buffer.AvailableBuffer"] = byteSlice
        table["bytes.Buffer.Truncate"] = .tuple([])
        table["bytes.Buffer.ReadFrom"] = .tuple([.basic(.integer), error])
        table["bytes.Buffer.WriteTo"] = .tuple([.basic(.integer), error])
        table["bufio.Scanner.Bytes"] = byteSlice
        table["bufio.Scanner.Text"] = .string
        table["bufio.Scanner.Scan"] = .basic(.bool)
        table["bufio.Reader.ReadString"] = .tuple([.string, error])
        table["bufio.Reader.ReadBytes"] = .tuple([byteSlice, error])
        table["bufio.Reader.ReadSlice"] = .tuple([byteSlice, error])
        table["time.Duration.String"] = .string
        table["time.Time.String"] = .string
        table["time.Time.Format"] = .string
        table["time.Time.Unix"] = .basic(.integer)
        table["time.Time.UnixNano"] = .basic(.integer)
        table["time.Time.Sub"] = named("time", "Duration")
        for method in ["Nanoseconds", "Microseconds", "Milliseconds"] { table["time.Duration.\(method)"] = .basic(.integer) }
        for method in ["Seconds", "Minutes", "Hours"] { table["time.Duration.\(method)"] = .basic(.float) }
        for method in ["Print", "Printf", "Println", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"] {
            table["log.Logger.\(method)"] = .tuple([])
        }
        return table
    }()
}
