"""The Gradio chat app and HTTP API."""
