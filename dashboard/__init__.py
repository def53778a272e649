"""The newslens Streamlit dashboard: ``streamlit run dashboard/app.py`` (or ``newslens serve``)."""
