// Compiles the fetched tree-sitter-go parser into alloclint. The sources are not committed:
// Grammars/fetch.sh downloads and verifies them (run `make grammar`).
#if __has_include("fetched/parser.c") && __has_include("fetched/tree_sitter/parser.h")
#include "fetched/parser.c"
#else
#error "tree-sitter-go sources are missing: run `make grammar` (Grammars/fetch.sh fetches and verifies them)"
#endif
