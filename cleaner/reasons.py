"""Every reason a block can leave the body with, as a name: what `--explain` shows, what `--disable` switches
off, and what the stages that read other stages' decisions test for. A rule's name is the reason it gives (rules/
registers each under its constant here); the others are the passes' own and the metadata fields'.
`tests/test_reasons.py` checks that every name used is one of these, and every rule is registered under one."""

# The passes' reasons (pipeline.py, classify.py, repair.py).
MODEL = "model"  # the learned scorer dropped the block and no rule names it
CONTEXT = "context"  # a short line stranded between furniture
SITE_TEMPLATE = "site_template"  # a line that recurs across the site's pages
DOUBLED_LINE = "doubled_line"  # a line glued to itself by the scraper: the copy leaves, the line stays once
# The rescue pass's mark on the blocks it brings back when the body came out empty or all furniture (kept blocks
# carry it in `detail`, never as a removal): where it found the article.
RESCUED = "rescued"
LINK_REFERENCES = "link_references"  # a text browser's list of the page's link addresses, left out when read

# The metadata fields: a block a field was read from leaves the body under the field's name (its role).
HEADLINE = "headline"
BYLINE = "byline"
DATE = "date"
ROLES = (HEADLINE, BYLINE, DATE)

# The rules, by family, in the order they are consulted (rules/__init__.py, FAMILIES).
# navigation
SKIP_LINK = "skip_link"
MENU_LABEL = "menu_label"
SECTION_LABEL = "section_label"
BREADCRUMB = "breadcrumb"
AUTHOR_ARCHIVE = "author_archive"
# errors
ERROR_PAGE = "error_page"
REDIRECT_NOTICE = "redirect_notice"
BROWSER_NOTICE = "browser_notice"
# consent
COOKIE_BANNER = "cookie_banner"
# promo
NEWSLETTER_PROMO = "newsletter_promo"
APP_PROMO = "app_promo"
SUBSCRIPTION_PROMPT = "subscription_prompt"
AFFILIATE_DISCLOSURE = "affiliate_disclosure"
# social
SHARE_PROMPT = "share_prompt"
COMMENT_COUNT = "comment_count"
PAGE_ACTION = "page_action"
COMMENT_FORM = "comment_form"
# ads
ADVERTISING_LABEL = "advertising_label"
# credits
AGENCY_CREDIT = "agency_credit"
COPYRIGHT = "copyright"
# captions
PHOTO_CREDIT = "photo_credit"
PHOTO_CAPTION = "photo_caption"
FIGURE_CAPTION = "figure_caption"
# stamps
DATE_STAMP = "date_stamp"
READING_TIME = "reading_time"
POST_META = "post_meta"
# comments
COMMENT_THREAD = "comment_thread"
# footer
FOOTER = "footer"
# teasers
TEASER_LABEL = "teaser_label"
TEASER_LIST = "teaser_list"
INLINE_TEASER = "inline_teaser"
POST_NAVIGATION = "post_navigation"
# markup
PAGE_CHROME = "page_chrome"
BOILERPLATE_MARKUP = "boilerplate_markup"
LINK_LIST = "link_list"
PLUGIN_WIDGET = "plugin_widget"
