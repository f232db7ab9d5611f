from .launcher import launch

launch()
