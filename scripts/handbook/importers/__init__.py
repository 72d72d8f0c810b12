"""Bringing people in from other tools (a LinkedIn export, a vCard file) without touching existing files.

Each reader turns a file into ``Draft`` people and problems; ``plan_import`` matches them against
the handbook (LinkedIn URL, then email, then slug) and decides what to create.
"""
