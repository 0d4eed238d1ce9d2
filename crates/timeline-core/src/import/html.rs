//! HTML in imported text (TimelineJS3's `text`, vis-timeline's `content`)
//! becomes plain text; its http(s) links are kept beside it, nothing else.
//! Parsing is `tl`'s, entity decoding `html-escape`'s.

use crate::model::Link;

/// Tags after which words must not run together.
const BREAKS: [&str; 14] = [
    "br",
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "blockquote",
];

/// The text of `html` with whitespace collapsed, and its http(s) links.
/// Text with no `<` or `&` is returned as it is.
pub fn to_text(html: &str) -> (String, Vec<Link>) {
    if !html.contains(['<', '&']) {
        return (collapse(html), Vec::new());
    }
    // A `<` that cannot open a tag ("a < b") is text, as browsers read it.
    let mut fixed = String::with_capacity(html.len());
    let mut chars = html.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<'
            && !chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/' || *n == '!')
        {
            fixed.push_str("&lt;");
        } else {
            fixed.push(c);
        }
    }
    let html = fixed.as_str();
    let Ok(dom) = tl::parse(html, tl::ParserOptions::default()) else {
        return (
            collapse(&html_escape::decode_html_entities(html)),
            Vec::new(),
        );
    };
    let parser = dom.parser();
    let mut text = String::new();
    let mut links = Vec::new();
    // An explicit stack (not recursion): deeply nested input cannot overflow it.
    enum Item {
        Node(tl::NodeHandle),
        /// The end of a link: where its text began, and its address.
        EndLink(usize, String),
    }
    let mut stack: Vec<Item> = dom
        .children()
        .iter()
        .rev()
        .map(|&h| Item::Node(h))
        .collect();
    while let Some(item) = stack.pop() {
        let h = match item {
            Item::Node(h) => h,
            Item::EndLink(start, url) => {
                let label = collapse(&text[start..]);
                links.push(Link {
                    text: if label.is_empty() { url.clone() } else { label },
                    url,
                });
                continue;
            }
        };
        match h.get(parser) {
            Some(tl::Node::Raw(b)) => {
                text.push_str(&html_escape::decode_html_entities(&b.as_utf8_str()))
            }
            Some(tl::Node::Tag(tag)) => {
                let name = tag.name().as_utf8_str().to_ascii_lowercase();
                if matches!(name.as_str(), "script" | "style" | "template") {
                    continue;
                }
                if BREAKS.contains(&name.as_str()) {
                    text.push(' ');
                }
                if name == "a" {
                    if let Some(Some(href)) = tag.attributes().get("href") {
                        let url = html_escape::decode_html_entities(&href.as_utf8_str())
                            .trim()
                            .to_string();
                        if url.starts_with("https://") || url.starts_with("http://") {
                            stack.push(Item::EndLink(text.len(), url));
                        }
                    }
                }
                let children: Vec<tl::NodeHandle> = tag.children().top().iter().copied().collect();
                stack.extend(children.into_iter().rev().map(Item::Node));
            }
            _ => {}
        }
    }
    (collapse(&text), links)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_go_text_and_links_stay() {
        let (t, l) = to_text(
            "<p>Blast in <b>Tashkent</b>&nbsp;&amp; Bukhara.</p><p>See <a href=\"https://example.org/x?a=1&amp;b=2\">the report</a>, \
             <a href=\"javascript:alert(1)\">this</a>.<br>End<script>alert(1)</script></p>",
        );
        assert_eq!(t, "Blast in Tashkent & Bukhara. See the report, this. End");
        assert_eq!(
            l,
            vec![Link {
                url: "https://example.org/x?a=1&b=2".into(),
                text: "the report".into()
            }]
        );
        assert_eq!(to_text("plain  text").0, "plain text");
        assert_eq!(to_text("a < b & c").0, "a < b & c");
        assert_eq!(to_text("<img src=x onerror=alert(1)>caption").0, "caption");
    }
}
