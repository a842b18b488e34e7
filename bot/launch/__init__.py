"""Launchers of `make run`: the services, the background jobs, stopping process groups.
"""
