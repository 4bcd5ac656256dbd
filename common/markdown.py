"""Course texts written in Markdown (CommonMark), rendered to HTML with raw HTML off.

Administrators write lessons and the introduction course in Markdown; markdown-it-py renders them with its
CommonMark rules, escaping any HTML in the text (``html=False``) and refusing ``javascript:`` and similar link
targets. An image shows as its description only: a lesson must not load anything from elsewhere. Headings move one level down (``#`` becomes
``<h2>``, ``##`` ``<h3>``) because the page's own title is its ``<h1>``.
"""
from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

HEADING_OFFSET = 1


@lru_cache(maxsize=1)
def _renderer() -> MarkdownIt:
    renderer = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})

    def shifted_heading(self, tokens, index, options, env):  # noqa: ANN001 - markdown-it's rule signature
        token = tokens[index]
        token.tag = f"h{min(int(token.tag[1]) + HEADING_OFFSET, 6)}"
        return self.renderToken(tokens, index, options, env)

    def image_as_text(self, tokens, index, options, env):  # noqa: ANN001
        return escapeHtml(self.renderInlineAsText(tokens[index].children or [], options, env))

    renderer.add_render_rule("image", image_as_text)
    renderer.add_render_rule("heading_open", shifted_heading)
    renderer.add_render_rule("heading_close", shifted_heading)
    return renderer


def render(markdown_text: str) -> str:
    return _renderer().render(markdown_text or "")
