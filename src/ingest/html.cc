// Main-content extraction with Gumbo; see include/corroborate/ingest/html.h.
#include "corroborate/ingest/html.h"

#include <gumbo.h>
#include <nlohmann/json.hpp>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "corroborate/base/strings.h"
#include "corroborate/base/utf8.h"
#include "corroborate/ingest/reader.h"
#include "ingest/checks.h"

namespace corroborate::ingest {
namespace {

using Json = nlohmann::json;

// Class and id words that mark an element as page furniture, matched against whole
// words of the lower-cased class and id split at spaces, '-' and '_' ("comment-list" has
// "comment"; "commentary" does not).
const char* const kComments[] = {"comment", "comments", "disqus", "discussion", "respond", "replies", "reply"};
// Captions and picture credits ("image-caption", "photo-credit", "copyright").
const char* const kCaption[] = {"caption", "captions", "credit", "credits", "copyright", "figcaption"};
// A cookie or consent notice is never the article, however much prose it holds.
const char* const kConsent[] = {"cookie", "cookies", "consent", "gdpr"};
const char* const kNegative[] = {
    "share",      "sharing",   "social",     "socials",   "related",  "recommended", "recommendations",
    "newsletter", "subscribe", "subscription", "advert",
    "advertisement", "ads",    "ad",         "sponsor",   "sponsored", "promo",      "sidebar",
    "footer",     "masthead",  "menu",       "navbar",    "nav",      "navigation",  "breadcrumb",
    "breadcrumbs", "widget",   "widgets",    "toolbar",   "banner",   "popup",       "modal",
    "signup",     "trending",  "popular",    "tagcloud",  "pagination", "pager",     "outbrain",
    "taboola",    "print",     "rating",     "login",     "register", "shariff",     "follow",
    "references", "bibliography", "bio", "biography", "postmetadata"};

// Page builders name every wrapper after themselves ("elementor-widget-container",
// "wp-block-group", "et_pb_text"): their class names say nothing about the content.
bool BuilderClass(std::string_view token) {
  for (std::string_view prefix : {"elementor", "wp-block", "et_pb", "vc_", "wpb_", "fl-"}) {
    if (token.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

std::vector<std::string> ClassWords(const std::string& ci) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < ci.size()) {
    size_t end = ci.find_first_of(" \t", i);
    if (end == std::string::npos) end = ci.size();
    std::string_view token(ci.data() + i, end - i);
    if (!BuilderClass(token)) {
      std::string cur;
      for (char c : token) {
        if (c == '-' || c == '_') {
          if (!cur.empty()) out.push_back(cur);
          cur.clear();
        } else {
          cur += c;
        }
      }
      if (!cur.empty()) out.push_back(cur);
    }
    i = end + 1;
  }
  return out;
}

bool HasWord(const std::vector<std::string>& words, const char* const* list, size_t n) {
  for (const std::string& w : words) {
    for (size_t k = 0; k < n; ++k) {
      if (w == list[k]) return true;
    }
  }
  return false;
}

// An author box: "author" beside a box-like word ("author-box", "author-bio",
// "cbx-Author_InfoContainer"); "author" alone may be the byline inside the article.
bool AuthorBox(const std::vector<std::string>& words) {
  bool author = false, box = false;
  for (const std::string& w : words) {
    if (w == "author" || w == "authors") author = true;
    if (w == "box" || w == "bio" || w == "info" || w == "infocontainer" || w == "profile" || w == "card" ||
        w == "about" || w == "details" || w == "personalinfo" || w == "description") {
      box = true;
    }
  }
  return author && box;
}

// Class words run together with "comment" ("commentlinks", "commentlist"), but not
// "commentary" or "commentator", which are articles.
bool CommentCompound(const std::vector<std::string>& words) {
  for (std::string_view w : words) {
    if (w.size() > 8 && w.substr(0, 7) == "comment" && w.substr(0, 9) != "commentar" && w.substr(0, 9) != "commentat") {
      return true;
    }
  }
  return false;
}

bool IsSkipped(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME: case GUMBO_TAG_HEAD: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_OPTION: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_MATH:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_MAP:
    // Ruby annotations (the furigana over Japanese kanji) are readings, not text.
    case GUMBO_TAG_RT: case GUMBO_TAG_RP:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_MAIN: case GUMBO_TAG_FORM: case GUMBO_TAG_BODY:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_CAPTION: case GUMBO_TAG_NOSCRIPT:
      return true;
    default:
      return false;
  }
}


const char* Attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

std::string ClassAndId(const GumboNode* n) {
  std::string s;
  if (const char* c = Attr(n, "class")) s += c;
  s += ' ';
  if (const char* i = Attr(n, "id")) s += i;
  return AsciiLowerCopy(s);
}


// The byte length of an invisible character at s[i] that only hints at layout (soft
// hyphen, zero-width space, word joiner, byte-order mark), or 0.
size_t Invisible(std::string_view s, size_t i) {
  std::string_view rest = s.substr(i);
  for (std::string_view mark : {"\xC2\xAD", "\xE2\x80\x8B", "\xE2\x81\xA0", "\xEF\xBB\xBF"}) {
    if (rest.substr(0, mark.size()) == mark) return mark.size();
  }
  return 0;
}

// Collapses runs of whitespace (including no-break spaces) to one space, drops invisible
// characters ("Mit\u00ADtel\u00ADal\u00ADter" is "Mittelalter" on screen) and trims.
std::string Collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = true;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xC2) {
      if (size_t n = Invisible(s, i)) {
        i += n - 1;
        continue;
      }
    }
    bool ws = IsAsciiSpace(static_cast<char>(c));
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      ws = true;
      ++i;
    }
    if (ws) {
      if (!space) out += ' ';
      space = true;
    } else {
      out += static_cast<char>(c);
      space = false;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

struct Block {
  std::string text;
  const GumboNode* element = nullptr;  // the block-level element the text sits in
  size_t link_chars = 0;
  std::string bad;  // why its ancestors make it furniture, or empty
  const GumboNode* bad_node = nullptr;  // the element that made it so
};

class Extractor {
 public:
  explicit Extractor(HtmlPage* page) : page_(page) {}
  ~Extractor() {
    for (GumboOutput* out : templates_) gumbo_destroy_output(&kGumboDefaultOptions, out);
  }
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  void Run(const GumboNode* root) {
    Walk(root, std::string(), false);
    Flush();
    Choose(root);
  }

  void Metadata(const GumboNode* n) {
    if (n->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& e = n->v.element;
    switch (e.tag) {
      case GUMBO_TAG_HTML:
        if (const char* l = Attr(n, "lang")) Set(&lang_, l);
        break;
      case GUMBO_TAG_TITLE:
        Set(&title_tag_, TextOf(n));
        break;
      case GUMBO_TAG_META: MetaTag(n); break;
      case GUMBO_TAG_LINK: {
        const char* rel = Attr(n, "rel");
        const char* href = Attr(n, "href");
        if (rel && href && AsciiLowerCopy(rel) == "canonical") Set(&canonical_, href);
        break;
      }
      case GUMBO_TAG_SCRIPT: {
        const char* type = Attr(n, "type");
        if (type && AsciiLowerCopy(type).find("ld+json") != std::string::npos) JsonLd(TextOf(n));
        return;
      }
      case GUMBO_TAG_TIME: {
        if (const char* dt = Attr(n, "datetime")) Set(&time_tag_, dt);
        break;
      }
      default: break;
    }
    const GumboVector& kids = e.children;
    for (unsigned k = 0; k < kids.length; ++k) Metadata(static_cast<const GumboNode*>(kids.data[k]));
  }

  void FinishMetadata() {
    page_->title = First({ld_headline_, og_title_, title_tag_});
    page_->published = First({ld_date_, meta_date_, time_tag_});
    page_->source = First({ld_publisher_, og_site_});
    page_->byline = First({ld_author_, meta_author_});
    page_->url = First({canonical_, og_url_});
    page_->language = lang_;
  }

  // When the page's JSON-LD articleBody holds far more words than the markup's main text
  // (a page rendered by script), the body is the text; what the markup gave is listed as
  // removed, so nothing disappears silently.
  void PreferStructuredBody() {
    std::string body = PlainText(ld_body_);
    size_t body_words = SplitWhitespace(body).size(), page_words = SplitWhitespace(page_->text).size();
    if (body_words < kMinBodyWords || body_words * 2 < page_words * 3) return;
    if (!page_->text.empty() && page_->removed.size() < 2000) {
      page_->removed.push_back(RemovedBlock{page_->text, "shorter than the page's JSON-LD articleBody"});
    }
    // articleBody often leaves out the standfirst. The description is that standfirst when
    // the page shows it as a block of its own and the body does not hold it.
    if (const std::string& lead = Standfirst(); !lead.empty() && body.find(lead) == std::string::npos) {
      for (auto it = page_->removed.begin(); it != page_->removed.end(); ++it) {
        if (it->text == lead) {
          page_->removed.erase(it);
          body = lead + "\n\n" + body;
          break;
        }
      }
    }
    page_->text = std::move(body);
  }

 private:
  static void Set(std::optional<std::string>* slot, std::string_view v) {
    std::string c = Collapse(v);
    if (!slot->has_value() && !c.empty()) *slot = c;
  }

  static std::optional<std::string> First(std::initializer_list<std::optional<std::string>> xs) {
    for (const auto& x : xs) {
      if (x) return x;
    }
    return std::nullopt;
  }

  static std::string TextOf(const GumboNode* n) {
    std::string out;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
      return n->v.text.text;
    }
    if (n->type != GUMBO_NODE_ELEMENT) return out;
    const GumboVector& kids = n->v.element.children;
    for (unsigned k = 0; k < kids.length; ++k) out += TextOf(static_cast<const GumboNode*>(kids.data[k]));
    return out;
  }

  void MetaTag(const GumboNode* n) {
    const char* key = Attr(n, "property");
    if (!key) key = Attr(n, "name");
    if (!key) key = Attr(n, "itemprop");
    const char* content = Attr(n, "content");
    if (!key || !content) return;
    std::string k = AsciiLowerCopy(key);
    if (k == "og:title" || k == "twitter:title") Set(&og_title_, content);
    else if (k == "og:site_name" || k == "application-name") Set(&og_site_, content);
    else if (k == "og:url") Set(&og_url_, content);
    else if (k == "og:description" || k == "description" || k == "twitter:description") {
      Set(&description_, PlainText(content));  // some CMSs put escaped markup in it
    }
    else if (k == "article:published_time" || k == "og:published_time" || k == "datepublished" ||
             k == "date" || k == "pubdate" || k == "publishdate" || k == "publish-date" || k == "dc.date" ||
             k == "dc.date.issued" || k == "dcterms.date" || k == "sailthru.date" || k == "parsely-pub-date" ||
             k == "article.published" || k == "publication_date")
      Set(&meta_date_, content);
    else if ((k == "author" || k == "article:author" || k == "dc.creator" || k == "byl") &&
             std::strncmp(content, "http", 4) != 0)
      Set(&meta_author_, content);
  }

  void JsonLd(const std::string& s) {
    Json j = Json::parse(s, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return;
    LdNode(j, 0);
  }

  static std::optional<std::string> NameOf(const Json& j) {
    if (j.is_string()) return j.get<std::string>();
    if (j.is_object() && j.contains("name") && j["name"].is_string()) return j["name"].get<std::string>();
    if (j.is_array()) {
      std::string all;
      for (const Json& x : j) {
        if (auto n = NameOf(x)) all += (all.empty() ? "" : ", ") + *n;
      }
      if (!all.empty()) return all;
    }
    return std::nullopt;
  }

  void LdNode(const Json& j, int depth) {
    if (depth > 6) return;
    if (j.is_array()) {
      for (const Json& x : j) LdNode(x, depth + 1);
      return;
    }
    if (!j.is_object()) return;
    if (j.contains("@graph")) LdNode(j["@graph"], depth + 1);
    if (j.contains("headline") && j["headline"].is_string()) {
      Set(&ld_headline_, j["headline"].get<std::string>());
      if (j.contains("description") && j["description"].is_string()) {
        Set(&description_, PlainText(j["description"].get<std::string>()));
      }
    }
    if (j.contains("datePublished") && j["datePublished"].is_string()) {
      Set(&ld_date_, j["datePublished"].get<std::string>());
    }
    if (j.contains("author")) {
      if (auto n = NameOf(j["author"])) Set(&ld_author_, *n);
    }
    if (j.contains("publisher")) {
      if (auto n = NameOf(j["publisher"])) Set(&ld_publisher_, *n);
    }
    // The article's text as the page's structured data gives it; pages rendered by script
    // ship little more than a teaser in their markup.
    if (j.contains("articleBody") && j["articleBody"].is_string()) {
      std::string body = j["articleBody"].get<std::string>();
      if (body.size() > ld_body_.size()) ld_body_ = std::move(body);
    }
  }

  // articleBody as text: markup some sites leave in it removed, entities decoded, one
  // paragraph per line, blank lines between paragraphs as in the markup's text.
  static std::string PlainText(std::string_view s) {
    std::string out;
    bool tag = false;
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      if (c == '<' && i + 1 < s.size() && (IsAsciiAlpha(s[i + 1]) || s[i + 1] == '/')) {
        tag = true;
        continue;
      }
      if (tag) {
        if (c == '>') {
          tag = false;
          out += ' ';
        }
        continue;
      }
      if (c == '&') {
        static const std::pair<const char*, const char*> kEntities[] = {
            {"&amp;", "&"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"}, {"&nbsp;", " "}, {"&lt;", "<"}, {"&gt;", ">"}};
        bool done = false;
        for (const auto& [e, r] : kEntities) {
          if (s.compare(i, std::strlen(e), e) == 0) {
            out += r;
            i += std::strlen(e) - 1;
            done = true;
            break;
          }
        }
        if (done) continue;
      }
      out += c;
    }
    std::string text;
    for (std::string_view line : Split(out, '\n')) {
      std::string c = Collapse(line);
      if (c.empty()) continue;
      if (!text.empty()) text += "\n\n";
      text += c;
    }
    return text;
  }

  // The page's description when it is long enough to be a standfirst rather than a
  // tagline, or empty.
  const std::string& Standfirst() const {
    static const std::string kNone;
    return description_ && SplitWhitespace(*description_).size() >= kMinLeadWords ? *description_ : kNone;
  }

  static constexpr size_t kMinBodyWords = 80;
  static constexpr size_t kMinLeadWords = 12;  // a description shorter than this is a tagline

  // Why an element and everything inside it is page furniture, or empty.
  std::string Furniture(const GumboNode* n) const {
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_NAV) return "navigation";
    // <noscript> is read as furniture, not skipped: an unclosed element in it ("<noscript>
    // <div id=x></noscript>") leaves the rest of the page inside it, and then it holds the
    // article.
    if (t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_ASIDE || t == GUMBO_TAG_FORM || t == GUMBO_TAG_NOSCRIPT) {
      return "boilerplate";
    }
    if (t == GUMBO_TAG_FIGCAPTION || t == GUMBO_TAG_CAPTION) return "caption";
    if (const char* role = Attr(n, "role")) {
      std::string r = AsciiLowerCopy(role);
      if (r == "navigation" || r == "menu" || r == "menubar") return "navigation";
      if (r == "complementary" || r == "contentinfo" || r == "banner" || r == "search") return "boilerplate";
    }
    if (Attr(n, "hidden") != nullptr) return "boilerplate";
    if (const char* aria = Attr(n, "aria-hidden"); aria && std::strcmp(aria, "true") == 0) return "boilerplate";
    if (const char* style = Attr(n, "style")) {
      std::string st = AsciiLowerCopy(style);
      st.erase(std::remove(st.begin(), st.end(), ' '), st.end());
      if (st.find("display:none") != std::string::npos || st.find("visibility:hidden") != std::string::npos) {
        return "boilerplate";
      }
    }
    // A heading's id is an anchor for a table of contents ("nav_the_results"), not a role.
    bool heading = t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 ||
                   t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
    std::string ci = heading ? AsciiLowerCopy(Attr(n, "class") ? Attr(n, "class") : "") : ClassAndId(n);
    if (ci.size() <= 1 || t == GUMBO_TAG_BODY || t == GUMBO_TAG_HTML) return {};
    std::vector<std::string> words = ClassWords(ci);
    if (HasWord(words, kComments, std::size(kComments)) || CommentCompound(words)) return "comments";
    if (HasWord(words, kConsent, std::size(kConsent))) return "cookie notice";
    if (HasWord(words, kCaption, std::size(kCaption))) return "caption";
    if (HasWord(words, kNegative, std::size(kNegative)) || AuthorBox(words)) return "boilerplate";
    return {};
  }

  void Walk(const GumboNode* n, const std::string& bad, bool in_link, const GumboNode* bad_node = nullptr) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
      if (!current_) return;
      const char* t = n->v.text.text;
      size_t len = std::strlen(t);
      buffer_.append(t, len);
      if (in_link) link_chars_ += len;
      return;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT && n->type != GUMBO_NODE_TEMPLATE) {
      return;
    }
    if (n->type == GUMBO_NODE_DOCUMENT) {
      const GumboVector& kids = n->v.document.children;
      for (unsigned k = 0; k < kids.length; ++k) Walk(static_cast<const GumboNode*>(kids.data[k]), bad, in_link, bad_node);
      return;
    }
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_SCRIPT) {
      if (const GumboNode* body = TemplateBody(n)) Walk(body, bad, in_link, bad_node);
      return;
    }
    if (IsSkipped(t)) return;
    if (t == GUMBO_TAG_BR) {
      buffer_ += ' ';
      return;
    }
    // The innermost furniture element decides (a share bar inside an article inside a
    // page-wide <form> is furniture even when the form turns out to be the article).
    std::string here = bad;
    const GumboNode* here_node = bad_node;
    if (std::string f = Furniture(n); !f.empty()) {
      here = std::move(f);
      here_node = n;
    }
    bool block = IsBlock(t);
    const GumboNode* saved = current_;
    std::string saved_bad = current_bad_;
    const GumboNode* saved_bad_node = current_bad_node_;
    if (block || !current_) {
      // Inline text directly under the document starts a block of its own too.
      if (block) Flush();
      current_ = n;
      current_bad_ = here;
      current_bad_node_ = here_node;
    }
    const GumboVector& kids = n->v.element.children;
    bool link = in_link || t == GUMBO_TAG_A;
    for (unsigned k = 0; k < kids.length; ++k) Walk(static_cast<const GumboNode*>(kids.data[k]), here, link, here_node);
    if (block) {
      Flush();
      current_ = saved;
      current_bad_ = saved_bad;
      current_bad_node_ = saved_bad_node;
    }
  }

  void Flush() {
    std::string text = Collapse(buffer_);
    if (!text.empty() && current_) {
      blocks_.push_back(Block{std::move(text), current_, std::min(link_chars_, buffer_.size()), current_bad_,
                              current_bad_node_});
    }
    buffer_.clear();
    link_chars_ = 0;
  }

  // Blogger and some CMSs ship the article as markup inside <script type="text/template">
  // for a script to render: such markup, when it holds paragraphs and no template
  // directives, is parsed and read in place. The parsed body is hung under the script
  // element so that the main-container choice sees it where the page put it.
  const GumboNode* TemplateBody(const GumboNode* script) {
    const char* type = Attr(script, "type");
    if (!type) return nullptr;
    std::string ty = AsciiLowerCopy(type);
    if (ty != "text/template" && ty != "text/x-template" && ty != "text/html") return nullptr;
    // Only inside the article's own container: elsewhere templates are cookie boxes and
    // menus.
    bool in_article = false;
    int up = 0;
    for (const GumboNode* a = Parent(script); a && up < 4 && !in_article; a = Parent(a), ++up) {
      const char* prop = Attr(a, "itemprop");
      std::string ci = AsciiLowerCopy(ClassAndId(a));
      in_article = (prop && AsciiLowerCopy(prop) == "articlebody") || ci.find("post-body") != std::string::npos ||
                   ci.find("post-content") != std::string::npos || ci.find("entry-content") != std::string::npos ||
                   ci.find("article-body") != std::string::npos;
    }
    if (!in_article) return nullptr;
    std::string markup = TextOf(script);
    if (markup.find("<p") == std::string::npos || markup.find("<#") != std::string::npos ||
        markup.find("{{") != std::string::npos || markup.find("<%") != std::string::npos) {
      return nullptr;
    }
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;
    GumboOutput* out = gumbo_parse_with_options(&options, markup.data(), markup.size());
    if (!out) return nullptr;
    templates_.push_back(out);
    const GumboVector& kids = out->root->v.element.children;
    for (unsigned k = 0; k < kids.length; ++k) {
      GumboNode* c = static_cast<GumboNode*>(kids.data[k]);
      if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_BODY) {
        c->parent = const_cast<GumboNode*>(script);
        return c;
      }
    }
    return nullptr;
  }

  static const GumboNode* Parent(const GumboNode* n) {
    const GumboNode* p = n->parent;
    return p && p->type == GUMBO_NODE_ELEMENT ? p : nullptr;
  }

  // A paragraph of prose: long enough, few of its characters in links, not furniture.
  static bool Prose(const Block& b) {
    return b.bad.empty() && b.text.size() >= 40 && b.link_chars * 3 < b.text.size();
  }

  // The main container is the deepest element that still holds most of the page's prose
  // (kMainShare of its characters, weighted up by article-like class names and down by
  // furniture-like ones); every block inside it that is not furniture or a link list is
  // kept.
  void Choose(const GumboNode* root) {
    (void)root;
    // Furniture that holds most of the page's prose is the article after all: sites wrap
    // whole pages in <form>, or put the article in an <aside> or a "teaser" box.
    {
      // Prose under each element, reader comments aside (they can outweigh the article).
      std::unordered_map<const GumboNode*, double> raw;
      double all = 0;
      for (const Block& b : blocks_) {
        if (b.text.size() < 40 || b.link_chars * 3 >= b.text.size() || b.bad == "comments") continue;
        all += static_cast<double>(b.text.size());
        for (const GumboNode* a = b.element; a; a = Parent(a)) raw[a] += static_cast<double>(b.text.size());
      }
      // Half the prose makes furniture the article; so does the largest share when the
      // page has next to no clean prose (a layout class such as "sidebar_right" on the
      // page's content wrapper, with a cookie notice nearly as long beside it).
      auto rescuable = [](const Block& b) {
        return b.bad_node && b.bad != "caption" && b.bad != "comments" && b.bad != "cookie notice";
      };
      double clean = 0;
      const GumboNode* largest = nullptr;
      for (const Block& b : blocks_) {
        if (b.text.size() < 40 || b.link_chars * 3 >= b.text.size() || b.bad == "comments") continue;
        if (b.bad.empty()) clean += static_cast<double>(b.text.size());
        if (rescuable(b) && (!largest || raw[b.bad_node] > raw[largest])) largest = b.bad_node;
      }
      if (largest && (raw[largest] < 0.3 * all || clean >= 0.1 * all)) largest = nullptr;
      for (Block& b : blocks_) {
        if (rescuable(b) && (raw[b.bad_node] >= 0.5 * all || b.bad_node == largest)) {
          b.bad.clear();
          b.bad_node = nullptr;
        }
      }
    }
    std::unordered_map<const GumboNode*, double> prose;
    double total = 0;
    for (const Block& b : blocks_) {
      if (!Prose(b)) continue;
      double w = static_cast<double>(b.text.size()) + 10.0 * static_cast<double>(std::count(b.text.begin(), b.text.end(), ','));
      total += w;
      for (const GumboNode* a = b.element; a; a = Parent(a)) prose[a] += w;
    }
    const GumboNode* main = nullptr;
    if (total > 0) {
      // Start from the outermost element holding all prose and step down while one child
      // holds most of it.
      const GumboNode* n = nullptr;
      for (const auto& [node, w] : prose) {
        if (w >= total && (!n || Depth(node) > Depth(n))) n = node;
      }
      while (n) {
        const GumboNode* next = nullptr;
        const GumboVector& kids = n->v.element.children;
        for (unsigned k = 0; k < kids.length; ++k) {
          const GumboNode* c = static_cast<const GumboNode*>(kids.data[k]);
          if (c->type != GUMBO_NODE_ELEMENT) continue;
          auto it = prose.find(c);
          if (it != prose.end() && it->second >= kMainShare * total) next = c;
        }
        if (!next) break;
        n = next;
      }
      main = n;
    }
    // The standfirst or lead often sits just before the body's container: take preceding
    // siblings (at the container's level and its parent's) while they hold only clean
    // text, no furniture and no link lists.
    std::vector<const GumboNode*> roots;
    if (main) roots.push_back(main);
    // Clean blocks and dirty blocks under each element; a caption is neither (a picture
    // between the headline and the body does not cut the headline off).
    std::unordered_map<const GumboNode*, std::pair<int, int>> health;
    for (const Block& b : blocks_) {
      bool dirty = !b.bad.empty() || b.link_chars * 3 >= b.text.size();
      for (const GumboNode* a = b.element; a; a = Parent(a)) {
        if (b.bad == "caption") health[a];
        else (dirty ? health[a].second : health[a].first)++;
      }
    }
    for (const GumboNode* level = main; level && roots.size() < 12; level = Parent(level)) {
      const GumboNode* parent = Parent(level);
      if (!parent || (level != main && Depth(main) - Depth(level) > 1)) break;
      const GumboVector& kids = parent->v.element.children;
      int at = -1;
      for (unsigned k = 0; k < kids.length; ++k) {
        if (kids.data[k] == level) at = static_cast<int>(k);
      }
      for (int k = at - 1; k >= 0; --k) {
        const GumboNode* sib = static_cast<const GumboNode*>(kids.data[k]);
        if (sib->type != GUMBO_NODE_ELEMENT) continue;
        auto it = health.find(sib);
        if (it == health.end()) continue;  // no text: an image, a spacer
        if (it->second.second == 0 && it->second.first == 0) continue;  // a captioned picture
        if (it->second.second > 0) break;
        roots.push_back(sib);
      }
    }
    auto inside = [&](const GumboNode* n) {
      if (!main) return true;
      for (const GumboNode* a = n; a; a = Parent(a)) {
        if (std::find(roots.begin(), roots.end(), a) != roots.end()) return true;
      }
      return false;
    };
    // The article's prose runs from its first to its last prose paragraph; short blocks
    // before it (dates, kickers, "3:59 PM") and after it ("Related posts", "Share this
    // article", "Photo credits") are furniture even inside the main container. Headings
    // before the prose stay: they are the article's title and standfirst.
    size_t first_prose = blocks_.size(), last_prose = 0;
    for (size_t k = 0; k < blocks_.size(); ++k) {
      if (Prose(blocks_[k]) && inside(blocks_[k].element)) {
        first_prose = std::min(first_prose, k);
        last_prose = k;
      }
    }
    // The lead often sits in the article's header, a sibling of the body's container that
    // also holds the date and share links: inside the same <article> element, a prose
    // paragraph before the body is the article's too.
    const GumboNode* article = nullptr;
    int up = 0;
    for (const GumboNode* a = main; a && up < 4 && !article; a = Parent(a), ++up) {
      if (a->v.element.tag == GUMBO_TAG_ARTICLE) article = a;
    }
    // So is the paragraph before the body that the page's own description repeats, even
    // where the page styles it as a caption (a video page's "item-caption").
    std::string_view described_as = Standfirst();
    for (std::string_view ellipsis : {"...", "\xE2\x80\xA6"}) {  // descriptions are often cut short
      if (described_as.size() > ellipsis.size() && described_as.substr(described_as.size() - ellipsis.size()) == ellipsis) {
        described_as.remove_suffix(ellipsis.size());
      }
    }
    described_as = Trim(described_as);
    auto described = [&](size_t k) {
      const Block& b = blocks_[k];
      // A caption must be the description itself, not the description and a credit.
      bool caption = b.bad == "caption";
      return !described_as.empty() && k < first_prose && (b.bad.empty() || caption) &&
             b.text.size() >= 40 && b.link_chars * 3 < b.text.size() &&
             std::string_view(b.text).substr(0, described_as.size()) == described_as &&
             (!caption || b.text.size() <= described_as.size() + 3);
    };
    auto lead = [&](size_t k) {
      if (described(k)) return true;
      if (!article || k >= first_prose || !Prose(blocks_[k])) return false;
      for (const GumboNode* a = blocks_[k].element; a; a = Parent(a)) {
        if (a == article) return true;
      }
      return false;
    };
    std::string text;
    for (size_t k = 0; k < blocks_.size(); ++k) {
      const Block& b = blocks_[k];
      std::string reason;
      double density = b.text.empty() ? 0 : static_cast<double>(b.link_chars) / static_cast<double>(b.text.size());
      GumboTag tag = b.element->type == GUMBO_NODE_ELEMENT ? b.element->v.element.tag : GUMBO_TAG_UNKNOWN;
      bool heading = tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2;
      bool short_block = b.text.size() < kShortBlock;
      if (!b.bad.empty() && !described(k)) {
        reason = b.bad;
      } else if (!inside(b.element) && !lead(k)) {
        reason = "outside main content";
      } else if (density > 0.5 && b.text.size() < 400) {
        reason = "links";
      } else if (first_prose < blocks_.size() && short_block &&
                 ((k < first_prose && !heading) || k > last_prose)) {
        reason = k < first_prose ? "before the article" : "after the article";
      }
      if (reason.empty()) {
        if (!text.empty()) text += "\n\n";
        text += b.text;
      } else if (page_->removed.size() < 2000) {
        page_->removed.push_back(RemovedBlock{b.text, reason});
      }
    }
    page_->text = std::move(text);
  }

  static int Depth(const GumboNode* n) {
    int d = 0;
    for (; n; n = n->parent) ++d;
    return d;
  }

  static constexpr double kMainShare = 0.8;
  static constexpr size_t kShortBlock = 80;

  HtmlPage* page_;
  std::vector<GumboOutput*> templates_;  // parsed template scripts, alive while blocks point into them
  std::vector<Block> blocks_;
  std::string buffer_;
  size_t link_chars_ = 0;
  const GumboNode* current_ = nullptr;
  std::string current_bad_;
  const GumboNode* current_bad_node_ = nullptr;
  std::optional<std::string> lang_, title_tag_, canonical_, time_tag_, og_title_, og_site_, og_url_,
      meta_date_, meta_author_, ld_headline_, ld_date_, ld_author_, ld_publisher_,
      description_;  // the page's own summary: og:description, description, or the article's in JSON-LD
  std::string ld_body_;  // the longest JSON-LD articleBody
};

}  // namespace

HtmlPage ExtractHtml(std::string_view html) {
  HtmlPage page;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not collected: the tree is what matters
  GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
  if (!out) return page;
  Extractor x(&page);
  x.Metadata(out->root);
  x.FinishMetadata();
  x.Run(out->document);
  x.PreferStructuredBody();
  gumbo_destroy_output(&options, out);
  return page;
}

}  // namespace corroborate::ingest

// --- encodings and articles ------------------------------------------------------------

namespace corroborate::ingest {
namespace {

// The charset a page declares in its first bytes: <meta charset="x"> or
// <meta http-equiv="Content-Type" content="text/html; charset=x">.
std::string DeclaredCharset(std::string_view bytes) {
  std::string head = AsciiLowerCopy(bytes.substr(0, 4096));
  size_t at = head.find("charset=");
  if (at == std::string::npos) return {};
  size_t b = at + 8;
  while (b < head.size() && (head[b] == '"' || head[b] == '\'' || head[b] == ' ')) ++b;
  size_t e = b;
  while (e < head.size() && (IsAsciiAlnum(head[e]) || head[e] == '-' || head[e] == '_' || head[e] == ':')) ++e;
  return head.substr(b, e - b);
}

}  // namespace

std::string HtmlToUtf8(std::string_view bytes) {
  if (!utf8::FindInvalid(bytes)) return std::string(bytes);
  std::string charset = DeclaredCharset(bytes);
  if (charset.empty() || charset == "utf-8" || charset == "utf8") charset = "windows-1252";
  UErrorCode err = U_ZERO_ERROR;
  std::string out(bytes.size() * 3 + 16, '\0');
  int32_t n = ucnv_convert("UTF-8", charset.c_str(), out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                           static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) {
    err = U_ZERO_ERROR;
    n = ucnv_convert("UTF-8", "windows-1252", out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                     static_cast<int32_t>(bytes.size()), &err);
    if (U_FAILURE(err)) return std::string(bytes);
  }
  out.resize(static_cast<size_t>(n));
  return out;
}

void AddPageMetadata(HtmlPage* page, Article* a) {
  if (!a->title) a->title = page->title;
  if (!a->source) a->source = page->source;
  if (!a->url) a->url = page->url;
  if (!a->byline) a->byline = page->byline;
  if (!a->published && page->published) {
    if (auto d = Date::FromIso(*page->published)) {
      a->published = d->has_day() ? *page->published : d->ToIso();
      a->published_date = *d;
    }
  }
  FromUrl(a);
  a->page_removed = std::move(page->removed);
}

Result<Article> ParseHtmlFile(std::string_view bytes, const std::string& name, const IngestOptions& options) {
  if (bytes.size() > options.max_document_bytes) {
    return Status(StatusCode::kLimitExceeded, "too large: " + std::to_string(bytes.size()) + " bytes, limit " +
                                                  std::to_string(options.max_document_bytes));
  }
  if (utf8::LooksBinary(bytes)) return Status(StatusCode::kBinary, "binary data, not a web page");
  HtmlPage page = ExtractHtml(HtmlToUtf8(bytes));
  if (Trim(page.text).empty()) return Status(StatusCode::kEmpty, "no main content found in the page");
  Article a;
  a.id = name;
  a.text = std::move(page.text);
  AddPageMetadata(&page, &a);
  return a;
}

}  // namespace corroborate::ingest
