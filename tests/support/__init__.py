"""What tests share: builders of records and stories, local servers and receivers, and ways to
run ``dealwatch`` as a user does. Test modules import from here and from nowhere else in tests/
(tests/unit/test_rooms.py checks it); tests/README.md lists the modules."""
