"""Course texts: CommonMark, with any HTML in the text shown as text and nothing loaded from elsewhere."""
from __future__ import annotations

from common.markdown import render


def test_markup_in_a_text_is_escaped_never_rendered():
    html = render('<script>alert("x")</script>\n\n- <img src=x onerror=alert(1)>\n\n**<b>bold</b>**')
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "<strong>&lt;b&gt;bold&lt;/b&gt;</strong>" in html


def test_paragraphs_headings_lists_and_wrapped_items():
    html = render("## Steps\n\nOne line\nwrapped.\n\n1. First\n2. Second\n   continued\n\n- a\n- **b** and *c*")
    assert html == ("<h3>Steps</h3>\n<p>One line\nwrapped.</p>\n<ol>\n<li>First</li>\n<li>Second\ncontinued</li>\n"
                    "</ol>\n<ul>\n<li>a</li>\n<li><strong>b</strong> and <em>c</em></li>\n</ul>\n")


def test_a_heading_is_one_level_below_the_page_title():
    assert render("# Title").startswith("<h2>") and render("###### Deep").startswith("<h6>")


def test_script_links_are_refused_and_images_show_only_their_description():
    assert "href" not in render("[click](javascript:alert(1))")
    assert render("![a <b> hard hat](https://elsewhere.example/x.png)") == "<p>a &lt;b&gt; hard hat</p>\n"
