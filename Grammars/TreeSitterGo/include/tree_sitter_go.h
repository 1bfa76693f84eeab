#ifndef ALLOCLINT_TREE_SITTER_GO_H
#define ALLOCLINT_TREE_SITTER_GO_H

typedef struct TSLanguage TSLanguage;

/// The tree-sitter-go grammar (see Grammars/MANIFEST for its version), compiled into the binary.
const TSLanguage *tree_sitter_go(void);

/// The grammar's version, for error messages.
#define ALLOCLINT_TREE_SITTER_GO_VERSION "0.23.4"

#endif
