//! wasm32-only browser layer: converts, calls the core, touches the DOM and `chrome.*`.
