"""The demo district generator and the simulated event stream: apart from the product, used only by seed-demo, simulate and run --demo."""
