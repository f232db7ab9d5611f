"""Configuration (CF): settings sized from the server's memory, CPUs and storage as the user declares them."""
