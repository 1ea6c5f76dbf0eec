"""Word analyzers that sit behind seedie's spaCy tokenizer (LAC on ONNX Runtime, jieba)."""
