from wagtail import hooks

from mscos.core.document_links import DocumentLinkWithDetailsHandler


# After wagtail.documents' own hook (order 0), so this handler is the one in use.
@hooks.register("register_rich_text_features", order=100)
def register_document_links_with_details(features) -> None:
    features.register_link_type(DocumentLinkWithDetailsHandler)
