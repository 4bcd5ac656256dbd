"""WSCC reviewers: the queue, an application with its documents, and the decisions."""
