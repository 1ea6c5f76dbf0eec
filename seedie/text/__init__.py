"""Text handling shared by every stage (no spaCy import): sentences, paragraphs, an offset
index for span queries, chunking of long documents."""
